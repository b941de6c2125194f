package dev.pairingworker.kafka;

import dev.pairingworker.command.Rejection;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Dead-letter records: the original key, value and headers, untouched, plus headers saying where
 * the record came from and why it was refused. The header names follow Kafka Connect's dead-letter
 * queue ({@code __connect.errors.*}), so existing tooling can read them; the worker's own error
 * code and the field at fault are added under {@code pairing_worker.error.*}.
 */
public final class DeadLetters {
  public static final String ORIGINAL_TOPIC = "__connect.errors.topic";
  public static final String ORIGINAL_PARTITION = "__connect.errors.partition";
  public static final String ORIGINAL_OFFSET = "__connect.errors.offset";
  public static final String EXCEPTION_MESSAGE = "__connect.errors.exception.message";
  public static final String ERROR_CODE = "pairing_worker.error.code";
  public static final String ERROR_TARGET = "pairing_worker.error.target";

  private final String topic;

  public DeadLetters(String topic) {
    this.topic = topic;
  }

  public ProducerRecord<byte[], byte[]> of(ConsumerRecord<byte[], byte[]> original, Rejection why) {
    RecordHeaders headers = new RecordHeaders();
    for (Header header : original.headers()) {
      headers.add(header);
    }
    add(headers, ORIGINAL_TOPIC, original.topic());
    add(headers, ORIGINAL_PARTITION, Integer.toString(original.partition()));
    add(headers, ORIGINAL_OFFSET, Long.toString(original.offset()));
    add(headers, EXCEPTION_MESSAGE, why.message());
    add(headers, ERROR_CODE, why.code());
    add(headers, ERROR_TARGET, why.target());
    return new ProducerRecord<>(topic, null, original.key(), original.value(), headers);
  }

  private static void add(RecordHeaders headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
