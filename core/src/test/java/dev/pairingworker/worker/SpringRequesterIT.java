package dev.pairingworker.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pairingworker.client.CommandClient;
import dev.pairingworker.kafka.Topics;
import dev.pairingworker.support.TestKafka;
import dev.pairingworker.support.WorkerFixture;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests sent the way Spring's {@code ReplyingKafkaTemplate} sends them, to a worker with the
 * default {@code worker.reply-topic.pattern}: {@code kafka_replyTopic} (the reply container's
 * topic, as UTF-8 bytes) and {@code kafka_correlationId} (a random UUID as 16 bytes, which the
 * template matches replies by) on every request.
 */
class SpringRequesterIT {
  private static WorkerFixture fx;
  private static KafkaProducer<byte[], byte[]> requester;

  @BeforeAll
  static void start() {
    fx = WorkerFixture.start();
    requester =
        new KafkaProducer<>(
            TestKafka.clientSettings(), new ByteArraySerializer(), new ByteArraySerializer());
  }

  @AfterAll
  static void stop() {
    requester.close();
    fx.close();
  }

  @Test
  void aRequestNamingATopicUnderTheReplyTopicIsAnsweredThereWithItsCorrelationId()
      throws Exception {
    String instanceReplies = fx.replies + ".spring-instance-1";
    Topics.ensure(TestKafka.clientSettings(), Map.of(instanceReplies, 1));
    try (CommandClient container =
        new CommandClient(TestKafka.clientSettings(), fx.commands, instanceReplies)
            .awaitListening(Duration.ofSeconds(30))) {
      String user = UUID.randomUUID().toString();
      String key = "spring-under-" + user;
      byte[] correlation = springCorrelationId();

      request(key, fx.create(user), instanceReplies, correlation);
      ConsumerRecord<byte[], byte[]> reply = container.reply(key).get(30, TimeUnit.SECONDS);

      assertThat(reply.topic()).isEqualTo(instanceReplies);
      assertThat(lastHeader(reply, "kafka_correlationId")).isEqualTo(correlation);
      assertThat(fx.json(reply).path("status").asText()).isEqualTo("SUCCEEDED");
    }
  }

  @Test
  void aRequestNamingTheReplyTopicItselfIsAnsweredThere() throws Exception {
    String user = UUID.randomUUID().toString();
    String key = "spring-default-" + user;
    byte[] correlation = springCorrelationId();

    request(key, fx.create(user), fx.replies, correlation);
    ConsumerRecord<byte[], byte[]> reply = fx.client.reply(key).get(30, TimeUnit.SECONDS);

    assertThat(reply.topic()).isEqualTo(fx.replies);
    assertThat(lastHeader(reply, "kafka_correlationId")).isEqualTo(correlation);
    assertThat(fx.json(reply).path("status").asText()).isEqualTo("SUCCEEDED");
  }

  @Test
  void aRequestNamingAnyOtherTopicIsRejectedOnTheReplyTopicWithItsCorrelationId() throws Exception {
    for (String elsewhere : List.of(fx.replies + "-spring", "attacker-replies")) {
      String user = UUID.randomUUID().toString();
      String key = "spring-elsewhere-" + user;
      byte[] correlation = springCorrelationId();
      String command = fx.create(user);

      request(key, command, elsewhere, correlation);
      ConsumerRecord<byte[], byte[]> reply = fx.client.reply(key).get(30, TimeUnit.SECONDS);
      JsonNode answer = fx.json(reply);

      assertThat(reply.topic()).isEqualTo(fx.replies);
      assertThat(lastHeader(reply, "kafka_correlationId")).isEqualTo(correlation);
      assertThat(answer.path("status").asText()).isEqualTo("REJECTED");
      assertThat(answer.path("error").path("code").asText()).isEqualTo("REPLY_TOPIC_NOT_ALLOWED");
      assertThat(answer.path("error").path("target").asText()).isEqualTo("header:kafka_replyTopic");
      ConsumerRecord<byte[], byte[]> dead =
          fx.deadLetters(r -> r.key() != null && key.equals(utf8(r.key())), 1).get(0);
      assertThat(utf8(dead.value())).isEqualTo(command);
      assertThat(lastHeader(dead, "kafka_replyTopic")).isEqualTo(utf8Bytes(elsewhere));
      assertThat(CommandClient.header(dead, "pairing_worker.error.code"))
          .isEqualTo("REPLY_TOPIC_NOT_ALLOWED");
      assertThat(fx.apiRequests()).noneMatch(r -> r.path().contains(user));
    }
  }

  /** What {@code ReplyingKafkaTemplate.sendAndReceive} puts on the wire. */
  private static void request(String key, String command, String replyTopic, byte[] correlation)
      throws Exception {
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(fx.commands, utf8Bytes(key), utf8Bytes(command));
    record.headers().add("kafka_replyTopic", utf8Bytes(replyTopic));
    record.headers().add("kafka_correlationId", correlation);
    requester.send(record).get(30, TimeUnit.SECONDS);
  }

  /** Spring's default correlation: a random UUID's 16 bytes, most significant first. */
  private static byte[] springCorrelationId() {
    UUID uuid = UUID.randomUUID();
    return ByteBuffer.allocate(16)
        .putLong(uuid.getMostSignificantBits())
        .putLong(uuid.getLeastSignificantBits())
        .array();
  }

  private static byte[] lastHeader(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : header.value();
  }

  private static byte[] utf8Bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
