package dev.pairingworker.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class CommandPolicyTest {
  private static final String ENV = "5a1e0c2d-3b4f-4a6e-8d7c-9f0e1d2c3b4a";
  private static final String OTHER_ENV = "0b7c3a52-5d2e-4f0a-9c1b-2e3f4a5b6c7d";
  private static final String USER = "b6b2f190-beb8-4a5d-a4ad-6137df7f993d";

  private final CommandDecoder strict =
      new CommandDecoder(
          Json.mapper(),
          "replies",
          CommandPolicy.of(List.of(ENV), "onboarding\\.replies\\..+", "replies", 2048));

  @Test
  void aCommandForAnAllowedEnvironmentIsAccepted() {
    assertThat(strict.decode(record(create(ENV)))).isInstanceOf(Decoded.Accepted.class);
  }

  @Test
  void aCommandForAnotherEnvironmentIsRejectedWithItsOp() {
    Decoded.Rejected rejected = rejected(strict, record(create(OTHER_ENV)));

    assertThat(rejected.rejection())
        .isEqualTo(
            new Rejection(
                "ENVIRONMENT_NOT_ALLOWED",
                "environment " + OTHER_ENV + " is not in pingone.environments.allowed",
                "environmentId"));
    assertThat(rejected.op()).isEqualTo("create");
  }

  @Test
  void anEmptyAllowListAllowsEveryEnvironment() {
    CommandDecoder open = new CommandDecoder(Json.mapper(), "replies");

    assertThat(open.decode(record(create(OTHER_ENV)))).isInstanceOf(Decoded.Accepted.class);
  }

  @Test
  void aReplyTopicMatchingThePatternIsUsed() {
    ConsumerRecord<byte[], byte[]> record = record(create(ENV));
    header(record, CommandDecoder.REPLY_TOPIC_HEADER, "onboarding.replies.hr");

    Command command = ((Decoded.Accepted) strict.decode(record)).command();

    assertThat(command.route().topic()).isEqualTo("onboarding.replies.hr");
  }

  @Test
  void aReplyTopicOutsideThePatternIsRejectedAndAnsweredOnTheDefaultTopic() {
    ConsumerRecord<byte[], byte[]> record = record(create(ENV));
    header(record, CommandDecoder.REPLY_TOPIC_HEADER, "attacker.replies");

    Decoded.Rejected rejected = rejected(strict, record);

    assertThat(rejected.rejection().code()).isEqualTo("REPLY_TOPIC_NOT_ALLOWED");
    assertThat(rejected.rejection().target()).isEqualTo("header:kafka_replyTopic");
    assertThat(rejected.route().topic()).isEqualTo("replies");
  }

  @Test
  void byDefaultOnlyTheDefaultReplyTopicMayBeNamed() {
    CommandDecoder defaults = new CommandDecoder(Json.mapper(), "replies");
    ConsumerRecord<byte[], byte[]> same = record(create(ENV));
    header(same, CommandDecoder.REPLY_TOPIC_HEADER, "replies");
    ConsumerRecord<byte[], byte[]> other = record(create(ENV));
    header(other, CommandDecoder.REPLY_TOPIC_HEADER, "replies2");

    assertThat(defaults.decode(same)).isInstanceOf(Decoded.Accepted.class);
    assertThat(rejected(defaults, other).rejection().code()).isEqualTo("REPLY_TOPIC_NOT_ALLOWED");
  }

  @Test
  void anInvalidReplyTopicNameIsStillAnInvalidHeader() {
    ConsumerRecord<byte[], byte[]> record = record(create(ENV));
    header(record, CommandDecoder.REPLY_TOPIC_HEADER, "onboarding.replies.x/../y");

    assertThat(rejected(strict, record).rejection().code()).isEqualTo("INVALID_HEADER");
  }

  @Test
  void aRecordOverTheLimitIsRejectedBeforeItsValueIsParsed() {
    String notEvenJson = "{" + "x".repeat(2048);

    Decoded.Rejected rejected = rejected(strict, record(notEvenJson));

    assertThat(rejected.rejection().code()).isEqualTo("RECORD_TOO_LARGE");
    assertThat(rejected.rejection().message())
        .isEqualTo(
            "the record has 2051 bytes (key, value and headers); worker.max.record.bytes is 2048");
  }

  @Test
  void headersCountTowardsTheRecordSize() {
    ConsumerRecord<byte[], byte[]> record = record(create(ENV));
    header(record, "padding", "p".repeat(2048));

    assertThat(rejected(strict, record).rejection().code()).isEqualTo("RECORD_TOO_LARGE");
  }

  @Test
  void aBodyOverEightKibibytesIsAnInvalidCommand() {
    CommandDecoder roomy =
        new CommandDecoder(Json.mapper(), "replies", CommandPolicy.of(List.of(), "", "r", 65_536));
    String body = "{\"note\":\"" + "n".repeat(CommandFields.MAX_BODY_BYTES) + "\"}";
    String command = create(ENV).replace("}", ",\"body\":" + body + "}");

    Decoded.Rejected rejected = rejected(roomy, record(command));

    assertThat(rejected.rejection())
        .isEqualTo(
            new Rejection("INVALID_COMMAND", "body must be at most 8192 bytes as JSON", "body"));
  }

  @Test
  void anOverlongCorrelationIdIsAnInvalidHeader() {
    CommandDecoder roomy =
        new CommandDecoder(Json.mapper(), "replies", CommandPolicy.of(List.of(), "", "r", 65_536));
    ConsumerRecord<byte[], byte[]> record = record(create(ENV));
    header(record, CommandDecoder.CORRELATION_ID_HEADER, "c".repeat(1025));

    Decoded.Rejected rejected = rejected(roomy, record);

    assertThat(rejected.rejection().code()).isEqualTo("INVALID_HEADER");
    assertThat(rejected.rejection().target()).isEqualTo("header:kafka_correlationId");
  }

  private static Decoded.Rejected rejected(
      CommandDecoder decoder, ConsumerRecord<byte[], byte[]> record) {
    Decoded decoded = decoder.decode(record);
    assertThat(decoded).isInstanceOf(Decoded.Rejected.class);
    return (Decoded.Rejected) decoded;
  }

  private static String create(String environmentId) {
    return "{\"op\":\"create\",\"environmentId\":\""
        + environmentId
        + "\",\"userId\":\""
        + USER
        + "\"}";
  }

  private static void header(ConsumerRecord<byte[], byte[]> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static ConsumerRecord<byte[], byte[]> record(String value) {
    return new ConsumerRecord<>(
        "commands",
        0,
        42,
        "tx".getBytes(StandardCharsets.UTF_8),
        value.getBytes(StandardCharsets.UTF_8));
  }
}
