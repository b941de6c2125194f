package dev.pairingworker.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A record to send until the broker acknowledges it: a reply, a dead-letter copy or a ledger entry.
 *
 * @param record what to send
 * @param fallbackTopic where the record goes when its own topic keeps refusing it (a reply to a
 *     custom {@code kafka_replyTopic} that is missing or not writable), with {@link
 *     #REDIRECTED_HEADER} naming the topic that refused it; null to keep trying its own topic
 */
public record OutgoingRecord(ProducerRecord<byte[], byte[]> record, String fallbackTopic) {
  /** Header on a record that could not be delivered to the topic it was meant for. */
  public static final String REDIRECTED_HEADER = "pairing_worker.reply.redirected-from";

  /** Refusals of its own topic after which a record goes to its fallback topic. */
  static final int REDIRECT_AFTER_ATTEMPTS = 3;

  /** A record that only ever goes to its own topic and partition. */
  public static OutgoingRecord of(ProducerRecord<byte[], byte[]> record) {
    return new OutgoingRecord(record, null);
  }

  /** Whether, after {@code failures} refused sends, the record should go to its fallback topic. */
  public boolean redirectDue(int failures) {
    return fallbackTopic != null
        && failures >= REDIRECT_AFTER_ATTEMPTS
        && !record.topic().equals(fallbackTopic);
  }

  /** The record on its fallback topic, with a header naming the topic that refused it. */
  public OutgoingRecord redirected() {
    RecordHeaders headers = new RecordHeaders(record.headers().toArray());
    headers.add(REDIRECTED_HEADER, record.topic().getBytes(StandardCharsets.UTF_8));
    return of(new ProducerRecord<>(fallbackTopic, null, record.key(), record.value(), headers));
  }
}
