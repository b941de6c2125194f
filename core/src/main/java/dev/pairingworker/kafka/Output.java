package dev.pairingworker.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One record a command record produces: its reply or its dead-letter copy.
 *
 * @param record what to send
 * @param reply whether it is a reply, which goes to the default reply topic when its own topic
 *     keeps refusing it
 */
public record Output(ProducerRecord<byte[], byte[]> record, boolean reply) {}
