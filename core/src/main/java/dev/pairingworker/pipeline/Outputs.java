package dev.pairingworker.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairingworker.command.CommandDecoder;
import dev.pairingworker.command.Rejection;
import dev.pairingworker.command.Reply;
import dev.pairingworker.command.ReplyRoute;
import dev.pairingworker.kafka.OutgoingRecord;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The records a command record produces: its reply, and for a refused record its dead-letter copy.
 *
 * <p>A reply goes to its route (the command's {@code kafka_replyTopic}, else the default reply
 * topic) and falls back to the default reply topic when its own keeps refusing it. A dead-letter
 * record keeps the original key, value and headers, untouched, plus headers saying where the record
 * came from and why it was refused. The header names follow Kafka Connect's dead-letter queue
 * ({@code __connect.errors.*}), so existing tooling can read them; the worker's own error code and
 * the field at fault are added under {@code pairing_worker.error.*}.
 */
public final class Outputs {
  public static final String ORIGINAL_TOPIC = "__connect.errors.topic";
  public static final String ORIGINAL_PARTITION = "__connect.errors.partition";
  public static final String ORIGINAL_OFFSET = "__connect.errors.offset";
  public static final String EXCEPTION_MESSAGE = "__connect.errors.exception.message";
  public static final String ERROR_CODE = "pairing_worker.error.code";
  public static final String ERROR_TARGET = "pairing_worker.error.target";

  private final ObjectMapper json;
  private final String deadLetterTopic;
  private final String defaultReplyTopic;

  public Outputs(ObjectMapper json, String deadLetterTopic, String defaultReplyTopic) {
    this.json = json;
    this.deadLetterTopic = deadLetterTopic;
    this.defaultReplyTopic = defaultReplyTopic;
  }

  /** The record carrying {@code reply} to its route. */
  public OutgoingRecord reply(ReplyRoute route, Reply reply) {
    RecordHeaders headers = new RecordHeaders();
    if (route.correlationId() != null) {
      headers.add(CommandDecoder.CORRELATION_ID_HEADER, route.correlationId());
    }
    return new OutgoingRecord(
        new ProducerRecord<>(route.topic(), null, route.key(), serialise(reply), headers),
        defaultReplyTopic);
  }

  /** The dead-letter copy of {@code original}, refused for {@code why}. */
  public OutgoingRecord deadLetter(ConsumerRecord<byte[], byte[]> original, Rejection why) {
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
    return OutgoingRecord.of(
        new ProducerRecord<>(deadLetterTopic, null, original.key(), original.value(), headers));
  }

  private static void add(RecordHeaders headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private byte[] serialise(Reply reply) {
    try {
      return json.writeValueAsBytes(reply);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
