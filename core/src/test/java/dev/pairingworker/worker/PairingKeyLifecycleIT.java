package dev.pairingworker.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pairingworker.client.CommandClient;
import dev.pairingworker.command.ExternalIds;
import dev.pairingworker.simulator.RecordedRequest;
import dev.pairingworker.support.WorkerFixture;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PairingKeyLifecycleIT {
  private static WorkerFixture fx;

  @BeforeAll
  static void start() {
    fx =
        WorkerFixture.start(
            s -> s, Map.of("worker.reply-topic.pattern", "replies-[0-9a-f]{8}-own"));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void createGetDeleteGetDeleteAgain() throws Exception {
    String user = UUID.randomUUID().toString();

    JsonNode created = fx.callJson("lifecycle-create-" + user, fx.create(user));
    assertThat(created.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(created.path("httpStatus").asInt()).isEqualTo(201);
    assertThat(created.path("attempts").asInt()).isEqualTo(1);
    assertThat(created.path("pingOneCorrelationId").asText()).isNotEmpty();
    JsonNode key = created.path("pairingKey");
    assertThat(key.path("code").asText()).matches("\\d{12}");
    assertThat(key.path("status").asText()).isEqualTo("UNCLAIMED");
    assertThat(key.path("user").path("id").asText()).isEqualTo(user);
    String keyId = key.path("id").asText();

    JsonNode read = fx.callJson("lifecycle-get-" + user, fx.get(user, keyId));
    assertThat(read.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(read.path("httpStatus").asInt()).isEqualTo(200);
    assertThat(read.path("pairingKey").path("id").asText()).isEqualTo(keyId);
    assertThat(read.path("pairingKey").path("code").asText()).isEqualTo(key.path("code").asText());

    JsonNode deleted = fx.callJson("lifecycle-delete-" + user, fx.delete(user, keyId));
    assertThat(deleted.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(deleted.path("httpStatus").asInt()).isEqualTo(204);
    assertThat(deleted.has("alreadyAbsent")).isFalse();
    assertThat(deleted.has("pairingKey")).isFalse();

    JsonNode gone = fx.callJson("lifecycle-get-again-" + user, fx.get(user, keyId));
    assertThat(gone.path("status").asText()).isEqualTo("FAILED");
    assertThat(gone.path("httpStatus").asInt()).isEqualTo(404);
    assertThat(gone.path("error").path("code").asText()).isEqualTo("NOT_FOUND");
    assertThat(gone.path("error").path("message").asText()).contains("not found");

    JsonNode again = fx.callJson("lifecycle-delete-again-" + user, fx.delete(user, keyId));
    assertThat(again.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(again.path("httpStatus").asInt()).isEqualTo(404);
    assertThat(again.path("alreadyAbsent").asBoolean()).isTrue();
  }

  @Test
  void pingOneErrorsArePassedOnWithTheirDetails() throws Exception {
    // A body PingOne would refuse is rejected before PingOne is called; the key limit is a refusal
    // only PingOne can make.
    String user = UUID.randomUUID().toString();
    for (int n = 0; n < 20; n++) {
      assertThat(fx.callJson("fill-" + n + "-" + user, fx.create(user)).path("status").asText())
          .isEqualTo("SUCCEEDED");
    }

    JsonNode reply = fx.callJson("one-too-many-" + user, fx.create(user));

    assertThat(reply.path("status").asText()).isEqualTo("FAILED");
    assertThat(reply.path("httpStatus").asInt()).isEqualTo(400);
    assertThat(reply.path("error").path("code").asText()).isEqualTo("INVALID_DATA");
    assertThat(reply.path("error").path("details").get(0).path("code").asText())
        .isEqualTo("SIZE_LIMIT_EXCEEDED");
    assertThat(reply.path("error").path("id").asText()).isNotEmpty();
  }

  @Test
  void theTransactionHeaderIsTheSanitisedKeyOnEveryCall() throws Exception {
    String user = UUID.randomUUID().toString();
    List<String> keys =
        List.of(
            "plain-key-" + user,
            "key with spaces/and:colons?&" + user,
            "Zoë-Ünïcødé-日本-" + user,
            "long-" + "x".repeat(150) + "-" + user);
    for (String key : keys) {
      fx.simulator.clearRequests();
      JsonNode reply = fx.callJson(key, fx.create(user));
      String expected = ExternalIds.forHeader(key);

      assertThat(reply.path("transactionId").asText()).isEqualTo(key);
      assertThat(reply.path("pingOneTransactionId").asText()).isEqualTo(expected);
      assertThat(fx.apiRequests())
          .singleElement()
          .satisfies(
              request -> {
                assertThat(request.transactionId()).isEqualTo(expected);
                assertThat(request.auditTransactionId())
                    .isEqualTo(expected)
                    .hasSizeLessThanOrEqualTo(100);
              });
    }
    assertThat(ExternalIds.forHeader("key with spaces/and:colons?&x"))
        .isEqualTo("key_with_spaces/and_colons__x");
    assertThat(ExternalIds.forHeader("Zoë-日本")).isEqualTo("Zo_-__");
  }

  @Test
  void theSessionHeaderIsPassedOn() throws Exception {
    String user = UUID.randomUUID().toString();
    fx.simulator.clearRequests();

    fx.call(
        "session-" + user,
        fx.create(user),
        Map.of("X-Ping-External-Session-ID", "onboarding batch 7"));

    assertThat(fx.apiRequests())
        .extracting(RecordedRequest::sessionId)
        .containsExactly("onboarding_batch_7");
  }

  @Test
  void replyTopicAndCorrelationIdAreHonoured() throws Exception {
    String user = UUID.randomUUID().toString();
    String ownReplies = fx.replies + "-own";
    dev.pairingworker.kafka.Topics.ensure(
        dev.pairingworker.support.TestKafka.clientSettings(), Map.of(ownReplies, 1));
    try (CommandClient own =
        new CommandClient(
                dev.pairingworker.support.TestKafka.clientSettings(), fx.commands, ownReplies)
            .awaitListening(java.time.Duration.ofSeconds(30))) {
      String key = "routed-" + user;
      own.send(
              key,
              fx.create(user),
              Map.of("kafka_replyTopic", ownReplies, "kafka_correlationId", "corr-42"))
          .get();

      ConsumerRecord<byte[], byte[]> reply =
          own.reply(key).get(30, java.util.concurrent.TimeUnit.SECONDS);

      assertThat(reply.topic()).isEqualTo(ownReplies);
      assertThat(new String(reply.key(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(key);
      assertThat(CommandClient.header(reply, "kafka_correlationId")).isEqualTo("corr-42");
      assertThat(fx.json(reply).path("status").asText()).isEqualTo("SUCCEEDED");
      assertThat(fx.client.reply(key)).isNotDone();
    }
  }
}
