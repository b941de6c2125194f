package dev.pairingworker.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Turns a command record into a {@link Command} or a {@link Rejection}. Nothing that fails here can
 * reach PingOne: every ID that goes into a URL path has matched {@link Text#UUID}.
 */
public final class CommandDecoder {
  /** Spring Kafka's header naming the topic to reply to. */
  public static final String REPLY_TOPIC_HEADER = "kafka_replyTopic";

  /** Spring Kafka's header copied from request to reply. */
  public static final String CORRELATION_ID_HEADER = "kafka_correlationId";

  /** Passed on to PingOne as the HTTP header of the same name. */
  public static final String SESSION_ID_HEADER = "X-Ping-External-Session-ID";

  static final int MAX_KEY_LENGTH = 1024;
  static final int MAX_SESSION_ID_LENGTH = 1024;

  private final ObjectMapper json;
  private final String defaultReplyTopic;
  private final CommandFields fields = new CommandFields();

  public CommandDecoder(ObjectMapper json, String defaultReplyTopic) {
    this.json = json;
    this.defaultReplyTopic = defaultReplyTopic;
  }

  public Decoded decode(ConsumerRecord<byte[], byte[]> record) {
    RecordSource source = new RecordSource(record.topic(), record.partition(), record.offset());
    Headers headers = record.headers();
    byte[] replyHeader = lastHeader(headers, REPLY_TOPIC_HEADER);
    Optional<String> requested =
        Optional.ofNullable(replyHeader)
            .flatMap(Text::utf8)
            .filter(topic -> Text.TOPIC.matcher(topic).matches());
    ReplyRoute route =
        new ReplyRoute(
            record.key(),
            requested.orElse(defaultReplyTopic),
            lastHeader(headers, CORRELATION_ID_HEADER));
    String transactionId = record.key() == null ? null : Text.utf8(record.key()).orElse(null);

    Rejection problem = keyProblem(record.key(), transactionId);
    if (problem == null && replyHeader != null && requested.isEmpty()) {
      problem =
          new Rejection(
              Rejection.INVALID_HEADER,
              REPLY_TOPIC_HEADER + " must be a valid Kafka topic name",
              "header:" + REPLY_TOPIC_HEADER);
    }
    if (problem == null) {
      problem = sessionProblem(headers);
    }
    if (problem != null) {
      return new Decoded.Rejected(problem, transactionId, null, route, source);
    }
    String sessionId =
        Optional.ofNullable(lastHeader(headers, SESSION_ID_HEADER))
            .flatMap(Text::utf8)
            .orElse(null);
    return decodeValue(record.value(), transactionId, sessionId, route, source);
  }

  private Decoded decodeValue(
      byte[] value, String transactionId, String sessionId, ReplyRoute route, RecordSource source) {
    if (value == null) {
      return new Decoded.Rejected(
          Rejection.command("value", "the record has no value"),
          transactionId,
          null,
          route,
          source);
    }
    JsonNode tree;
    try {
      tree = json.readTree(value);
    } catch (IOException e) {
      return new Decoded.Rejected(
          Rejection.command("value", "the value is not valid JSON"),
          transactionId,
          null,
          route,
          source);
    }
    return fields.read(tree, transactionId, sessionId, route, source);
  }

  private static Rejection keyProblem(byte[] key, String transactionId) {
    if (key == null || key.length == 0) {
      return new Rejection(
          Rejection.INVALID_KEY, "the record has no key; the key is the transaction ID", "key");
    }
    if (transactionId == null) {
      return new Rejection(Rejection.INVALID_KEY, "the key is not valid UTF-8", "key");
    }
    if (transactionId.length() > MAX_KEY_LENGTH) {
      return new Rejection(
          Rejection.INVALID_KEY, "the key is longer than " + MAX_KEY_LENGTH + " characters", "key");
    }
    return null;
  }

  private static Rejection sessionProblem(Headers headers) {
    byte[] raw = lastHeader(headers, SESSION_ID_HEADER);
    if (raw == null) {
      return null;
    }
    Optional<String> session = Text.utf8(raw);
    if (session.isEmpty()
        || session.get().isEmpty()
        || session.get().length() > MAX_SESSION_ID_LENGTH
        || Text.hasControlCharacters(session.get())) {
      return new Rejection(
          Rejection.INVALID_HEADER,
          SESSION_ID_HEADER
              + " must be non-empty UTF-8 text without control characters, at most "
              + MAX_SESSION_ID_LENGTH
              + " characters",
          "header:" + SESSION_ID_HEADER);
    }
    return null;
  }

  private static byte[] lastHeader(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null ? null : header.value();
  }
}
