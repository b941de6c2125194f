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
  void byDefaultTheDefaultReplyTopicAndTopicsUnderItsNameMayBeNamed() {
    CommandDecoder defaults = new CommandDecoder(Json.mapper(), "pairing.replies");

    assertThat(replyTopicOf(defaults, "pairing.replies")).isEqualTo("pairing.replies");
    assertThat(replyTopicOf(defaults, "pairing.replies.spring-1"))
        .isEqualTo("pairing.replies.spring-1");
    assertThat(replyTopicOf(defaults, "pairing.replies.a.b_c-D"))
        .isEqualTo("pairing.replies.a.b_c-D");
    for (String elsewhere :
        List.of(
            "pairing.replies2",
            "pairing.replies-other",
            "pairing.replies.",
            "pairingXreplies",
            "pairingXreplies.x",
            "x.pairing.replies",
            "attacker-replies")) {
      ConsumerRecord<byte[], byte[]> record = record(create(ENV));
      header(record, CommandDecoder.REPLY_TOPIC_HEADER, elsewhere);
      assertThat(rejected(defaults, record).rejection().code())
          .as(elsewhere)
          .isIn("REPLY_TOPIC_NOT_ALLOWED", "INVALID_HEADER");
    }
  }

  @Test
  void anEmptyPatternAllowsOnlyTheDefaultReplyTopic() {
    CommandDecoder strictest =
        new CommandDecoder(
            Json.mapper(),
            "replies",
            CommandPolicy.of(List.of(), "", "replies", CommandPolicy.DEFAULT_MAX_RECORD_BYTES));
    ConsumerRecord<byte[], byte[]> under = record(create(ENV));
    header(under, CommandDecoder.REPLY_TOPIC_HEADER, "replies.spring-1");

    assertThat(replyTopicOf(strictest, "replies")).isEqualTo("replies");
    assertThat(rejected(strictest, under).rejection().code()).isEqualTo("REPLY_TOPIC_NOT_ALLOWED");
  }

  private String replyTopicOf(CommandDecoder decoder, String requested) {
    ConsumerRecord<byte[], byte[]> record = record(create(ENV));
    header(record, CommandDecoder.REPLY_TOPIC_HEADER, requested);
    Decoded decoded = decoder.decode(record);
    assertThat(decoded).as(requested).isInstanceOf(Decoded.Accepted.class);
    return ((Decoded.Accepted) decoded).command().route().topic();
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
