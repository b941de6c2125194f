package dev.pairingworker.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pairingworker.client.CommandClient;
import dev.pairingworker.support.WorkerFixture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operator's limits on what a commands writer can ask for, and on what replies reveal. */
class SecurityPolicyIT {
  private static final String OTHER_ENV = "0b7c3a52-5d2e-4f0a-9c1b-2e3f4a5b6c7d";
  private static WorkerFixture fx;

  @BeforeAll
  static void start() {
    fx =
        WorkerFixture.start(
            s -> s,
            Map.of(
                "pingone.environments.allowed", WorkerFixture.ENV,
                "worker.reply-topic.pattern", "replies-[0-9a-f]{8}-hr",
                "worker.max.record.bytes", "1024",
                "worker.reply.include-code", "false"));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void aCommandForAnEnvironmentNotAllowedIsRejectedDeadLetteredAndNeverReachesPingOne()
      throws Exception {
    String user = UUID.randomUUID().toString();
    String command = fx.create(user).replace(WorkerFixture.ENV, OTHER_ENV);

    JsonNode reply = fx.callJson("other-env-" + user, command);

    assertThat(reply.path("status").asText()).isEqualTo("REJECTED");
    assertThat(reply.path("op").asText()).isEqualTo("create");
    assertThat(reply.path("error").path("code").asText()).isEqualTo("ENVIRONMENT_NOT_ALLOWED");
    assertThat(reply.path("error").path("target").asText()).isEqualTo("environmentId");
    List<ConsumerRecord<byte[], byte[]>> dead =
        fx.deadLetters(r -> isKey(r, "other-env-" + user), 1);
    assertThat(dead).hasSize(1);
    assertThat(CommandClient.header(dead.get(0), "pairing_worker.error.code"))
        .isEqualTo("ENVIRONMENT_NOT_ALLOWED");
    assertThat(fx.apiRequests()).noneMatch(r -> r.path().contains(OTHER_ENV));
    assertThat(fx.simulator.requests()).noneMatch(r -> r.path().contains(OTHER_ENV));
  }

  @Test
  void aReplyTopicOutsideThePatternIsRejectedAndAnsweredOnTheDefaultTopic() throws Exception {
    String user = UUID.randomUUID().toString();
    String key = "elsewhere-" + user;
    fx.client.send(key, fx.create(user), Map.of("kafka_replyTopic", "attacker-replies")).get();

    ConsumerRecord<byte[], byte[]> record = fx.client.reply(key).get(30, TimeUnit.SECONDS);
    JsonNode reply = fx.json(record);

    assertThat(record.topic()).isEqualTo(fx.replies);
    assertThat(reply.path("status").asText()).isEqualTo("REJECTED");
    assertThat(reply.path("error").path("code").asText()).isEqualTo("REPLY_TOPIC_NOT_ALLOWED");
    assertThat(reply.path("error").path("target").asText()).isEqualTo("header:kafka_replyTopic");
    assertThat(fx.apiRequests()).noneMatch(r -> r.path().contains(user));
  }

  @Test
  void aRecordOverTheSizeLimitIsRejectedWithoutBeingParsed() throws Exception {
    String key = "too-large-" + UUID.randomUUID();

    JsonNode reply = fx.callJson(key, "{\"op\":\"" + "x".repeat(1100));

    assertThat(reply.path("status").asText()).isEqualTo("REJECTED");
    assertThat(reply.path("error").path("code").asText()).isEqualTo("RECORD_TOO_LARGE");
  }

  @Test
  void withoutTheCodeOptionRepliesCarryTheKeyIdButNoCode() throws Exception {
    String user = UUID.randomUUID().toString();

    JsonNode created = fx.callJson("no-code-create-" + user, fx.create(user));
    String keyId = created.path("pairingKey").path("id").asText();
    JsonNode read = fx.callJson("no-code-get-" + user, fx.get(user, keyId));

    assertThat(created.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(keyId).isNotEmpty();
    assertThat(created.path("pairingKey").has("code")).isFalse();
    assertThat(created.path("pairingKey").path("status").asText()).isEqualTo("UNCLAIMED");
    assertThat(read.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(read.path("pairingKey").has("code")).isFalse();
  }

  private static boolean isKey(ConsumerRecord<byte[], byte[]> record, String key) {
    return record.key() != null && new String(record.key(), StandardCharsets.UTF_8).equals(key);
  }
}
