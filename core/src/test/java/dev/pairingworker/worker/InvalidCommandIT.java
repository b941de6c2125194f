package dev.pairingworker.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pairingworker.client.CommandClient;
import dev.pairingworker.support.WorkerFixture;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InvalidCommandIT {
  private static final String USER = "abcdef00-0000-4000-8000-000000000042";
  private static final String KEY_ID = "11111111-1111-4111-8111-111111111111";
  private static WorkerFixture fx;

  @BeforeAll
  static void start() {
    fx = WorkerFixture.start();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void invalidCommandsAreRejectedDeadLetteredAndNeverReachPingOne() throws Exception {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("bad-json", "{\"op\":\"get\",");
    cases.put("unknown-op", command("list", USER, KEY_ID));
    cases.put("non-uuid-user", command("get", "alice", KEY_ID));
    cases.put("dot-dot-slash", command("get", USER, "../../../environments"));
    cases.put("uppercase-uuid", command("get", USER.toUpperCase(), KEY_ID));
    cases.put("missing-key-id", command("delete", USER, null));
    cases.put("unknown-field", command("get", USER, KEY_ID).replace("{", "{\"expiresat\":\"x\","));
    cases.put("not-an-object", "[1,2,3]");
    cases.put("unknown-body-field", create("{\"applications\":[],\"note\":\"hi\"}"));
    cases.put(
        "uppercase-application-id",
        create("{\"applications\":[{\"id\":\"" + USER.toUpperCase() + "\"}]}"));
    cases.put("policy-not-an-object", create("{\"policy\":\"" + KEY_ID + "\"}"));
    Map<String, String> targets =
        Map.of(
            "dot-dot-slash", "pairingKeyId",
            "unknown-body-field", "body.note",
            "uppercase-application-id", "body.applications[0].id",
            "policy-not-an-object", "body.policy");

    for (Map.Entry<String, String> c : cases.entrySet()) {
      fx.client
          .send(c.getKey(), c.getValue(), Map.of("kafka_correlationId", "c-" + c.getKey()))
          .get();
    }
    fx.client
        .send(
            (byte[]) null, command("get", USER, KEY_ID).getBytes(StandardCharsets.UTF_8), Map.of())
        .get();

    for (Map.Entry<String, String> c : cases.entrySet()) {
      ConsumerRecord<byte[], byte[]> record = fx.client.reply(c.getKey()).get(30, TimeUnit.SECONDS);
      JsonNode reply = fx.json(record);
      assertThat(reply.path("status").asText()).as(c.getKey()).isEqualTo("REJECTED");
      assertThat(reply.path("error").path("code").asText())
          .as(c.getKey())
          .isEqualTo("INVALID_COMMAND");
      assertThat(reply.path("attempts").asInt()).isZero();
      assertThat(CommandClient.header(record, "kafka_correlationId")).isEqualTo("c-" + c.getKey());
    }
    targets.forEach(
        (key, target) ->
            assertThat(fx.json(fx.client.reply(key).join()).path("error").path("target").asText())
                .as(key)
                .isEqualTo(target));

    List<ConsumerRecord<byte[], byte[]>> dead =
        fx.deadLetters(
            r -> r.key() == null || cases.containsKey(new String(r.key(), StandardCharsets.UTF_8)),
            cases.size() + 1);
    assertThat(dead).hasSize(cases.size() + 1);
    for (ConsumerRecord<byte[], byte[]> record : dead) {
      String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
      String original = key == null ? command("get", USER, KEY_ID) : cases.get(key);
      assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(original);
      assertThat(CommandClient.header(record, "__connect.errors.topic")).isEqualTo(fx.commands);
      assertThat(CommandClient.header(record, "__connect.errors.offset")).isNotNull();
      assertThat(CommandClient.header(record, "__connect.errors.exception.message")).isNotBlank();
      assertThat(CommandClient.header(record, "pairing_worker.error.code"))
          .isEqualTo(key == null ? "INVALID_KEY" : "INVALID_COMMAND");
      if (key != null) {
        assertThat(CommandClient.header(record, "kafka_correlationId")).isEqualTo("c-" + key);
      }
      if (key != null && targets.containsKey(key)) {
        assertThat(CommandClient.header(record, "pairing_worker.error.target"))
            .isEqualTo(targets.get(key));
      }
    }
    assertThat(fx.apiRequests()).isEmpty();
  }

  @Test
  void anInvalidReplyTopicIsRejectedAndAnsweredOnTheDefaultTopic() throws Exception {
    fx.client
        .send(
            "bad-reply-topic",
            command("get", USER, KEY_ID),
            Map.of("kafka_replyTopic", "no/such topic"))
        .get();

    JsonNode reply = fx.json(fx.client.reply("bad-reply-topic").get(30, TimeUnit.SECONDS));

    assertThat(reply.path("status").asText()).isEqualTo("REJECTED");
    assertThat(reply.path("error").path("code").asText()).isEqualTo("INVALID_HEADER");
    assertThat(reply.path("error").path("target").asText()).isEqualTo("header:kafka_replyTopic");
  }

  private static String create(String body) {
    return command("create", USER, null).replace("}", ",\"body\":" + body + "}");
  }

  private static String command(String op, String user, String keyId) {
    return "{\"op\":\""
        + op
        + "\",\"environmentId\":\""
        + WorkerFixture.ENV
        + "\",\"userId\":\""
        + user
        + "\""
        + (keyId == null ? "" : ",\"pairingKeyId\":\"" + keyId + "\"")
        + "}";
  }
}
