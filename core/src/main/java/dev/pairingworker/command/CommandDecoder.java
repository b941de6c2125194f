package dev.pairingworker.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Turns a command record into a {@link Command} or a {@link Rejection}. Nothing that fails here can
 * reach PingOne: every ID that goes into a URL path has matched {@link Text#UUID}, and the {@link
 * CommandPolicy} (environments, reply topics, record size) is enforced before a command exists.
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
  static final int MAX_CORRELATION_ID_BYTES = 1024;

  private final ObjectMapper json;
  private final String defaultReplyTopic;
  private final CommandPolicy policy;
  private final CommandFields fields = new CommandFields();

  /** A decoder with {@link CommandPolicy#defaults}. */
  public CommandDecoder(ObjectMapper json, String defaultReplyTopic) {
    this(json, defaultReplyTopic, CommandPolicy.defaults(defaultReplyTopic));
  }

  public CommandDecoder(ObjectMapper json, String defaultReplyTopic, CommandPolicy policy) {
    this.json = json;
    this.defaultReplyTopic = defaultReplyTopic;
    this.policy = policy;
  }

  public Decoded decode(ConsumerRecord<byte[], byte[]> record) {
    RecordSource source = new RecordSource(record.topic(), record.partition(), record.offset());
    Headers headers = record.headers();
    Optional<String> requested =
        Optional.ofNullable(lastHeader(headers, REPLY_TOPIC_HEADER))
            .flatMap(Text::utf8)
            .filter(topic -> Text.TOPIC.matcher(topic).matches())
            .filter(policy::allowsReplyTopic);
    ReplyRoute route =
        new ReplyRoute(
            record.key(),
            requested.orElse(defaultReplyTopic),
            lastHeader(headers, CORRELATION_ID_HEADER));
    String transactionId = record.key() == null ? null : Text.utf8(record.key()).orElse(null);

    Rejection problem = keyProblem(record.key(), transactionId);
    if (problem == null) {
      problem = sizeProblem(record);
    }
    if (problem == null) {
      problem = headerProblem(headers);
    }
    if (problem != null) {
      return new Decoded.Rejected(problem, transactionId, null, route, source);
    }
    String sessionId =
        Optional.ofNullable(lastHeader(headers, SESSION_ID_HEADER))
            .flatMap(Text::utf8)
            .orElse(null);
    return allowed(decodeValue(record.value(), transactionId, sessionId, route, source));
  }

  private Decoded allowed(Decoded decoded) {
    if (decoded instanceof Decoded.Accepted accepted
        && !policy.allowsEnvironment(accepted.command().environmentId())) {
      Command command = accepted.command();
      return new Decoded.Rejected(
          new Rejection(
              Rejection.ENVIRONMENT_NOT_ALLOWED,
              "environment " + command.environmentId() + " is not in pingone.environments.allowed",
              "environmentId"),
          command.transactionId(),
          command.op().wireName(),
          command.route(),
          command.source());
    }
    return decoded;
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

  private Rejection sizeProblem(ConsumerRecord<byte[], byte[]> record) {
    long size = length(record.key()) + length(record.value());
    for (Header header : record.headers()) {
      size += header.key().getBytes(StandardCharsets.UTF_8).length + length(header.value());
    }
    if (size <= policy.maxRecordBytes()) {
      return null;
    }
    return new Rejection(
        Rejection.RECORD_TOO_LARGE,
        "the record has "
            + size
            + " bytes (key, value and headers); worker.max.record.bytes is "
            + policy.maxRecordBytes(),
        "value");
  }

  private Rejection headerProblem(Headers headers) {
    byte[] replyTopic = lastHeader(headers, REPLY_TOPIC_HEADER);
    if (replyTopic != null) {
      Optional<String> topic = Text.utf8(replyTopic);
      if (topic.isEmpty() || !Text.TOPIC.matcher(topic.get()).matches()) {
        return new Rejection(
            Rejection.INVALID_HEADER,
            REPLY_TOPIC_HEADER + " must be a valid Kafka topic name",
            "header:" + REPLY_TOPIC_HEADER);
      }
      if (!policy.allowsReplyTopic(topic.get())) {
        return new Rejection(
            Rejection.REPLY_TOPIC_NOT_ALLOWED,
            REPLY_TOPIC_HEADER + " '" + topic.get() + "' does not match worker.reply-topic.pattern",
            "header:" + REPLY_TOPIC_HEADER);
      }
    }
    byte[] correlation = lastHeader(headers, CORRELATION_ID_HEADER);
    if (correlation != null && correlation.length > MAX_CORRELATION_ID_BYTES) {
      return new Rejection(
          Rejection.INVALID_HEADER,
          CORRELATION_ID_HEADER + " must be at most " + MAX_CORRELATION_ID_BYTES + " bytes",
          "header:" + CORRELATION_ID_HEADER);
    }
    return sessionProblem(headers);
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

  private static long length(byte[] bytes) {
    return bytes == null ? 0 : bytes.length;
  }

  private static byte[] lastHeader(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null ? null : header.value();
  }
}
