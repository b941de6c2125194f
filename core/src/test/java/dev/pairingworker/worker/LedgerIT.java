package dev.pairingworker.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pairingworker.kafka.Topics;
import dev.pairingworker.simulator.LatencyModel;
import dev.pairingworker.simulator.RecordedRequest;
import dev.pairingworker.support.GroupProtocols;
import dev.pairingworker.support.TestKafka;
import dev.pairingworker.support.TopicRecords;
import dev.pairingworker.support.WorkerFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The transaction ledger keeps a create whose transaction completed from running again. The tests
 * that repeat, rebalance or restart run under both consumer group protocols.
 */
class LedgerIT {
  private static final Map<String, String> LEDGER_ON = Map.of("worker.ledger.enabled", "true");

  @ParameterizedTest(name = "kafka.group.protocol={0}")
  @EnumSource(GroupProtocol.class)
  void aCreateSentTwiceCreatesOneKeyAndIsAnsweredTwiceTheSecondTimeAsAReplay(GroupProtocol protocol)
      throws Exception {
    try (WorkerFixture fx = WorkerFixture.start(s -> s, GroupProtocols.with(protocol, LEDGER_ON))) {
      String user = UUID.randomUUID().toString();
      String key = "twice-" + UUID.randomUUID();
      JsonNode first = fx.callJson(key, fx.create(user));
      GroupProtocols.assertGroupUses(protocol, fx.groupId());
      fx.client.send(key, fx.create(user), Map.of()).get(30, TimeUnit.SECONDS);

      List<JsonNode> replies = awaitReplies(fx, key, 2);
      assertThat(creates(fx, key)).isEqualTo(1);
      assertThat(first.path("status").asText()).isEqualTo("SUCCEEDED");
      assertThat(first.has("replay")).isFalse();
      assertThat(first.path("pairingKey").path("code").asText()).hasSize(12);
      JsonNode replay = replies.get(1);
      assertThat(replay.path("replay").asBoolean()).isTrue();
      assertThat(replay.path("codeOmitted").asBoolean()).isTrue();
      assertThat(replay.path("pairingKey").has("code")).isFalse();
      assertThat(replay.path("pairingKey").path("id").asText())
          .isEqualTo(first.path("pairingKey").path("id").asText());
      assertThat(replay.path("status").asText()).isEqualTo("SUCCEEDED");
      assertThat(replay.path("source").path("offset").asLong())
          .isEqualTo(first.path("source").path("offset").asLong() + 1);
      assertThat(ledgerReplays(fx.worker)).isEqualTo(1.0);
      String code = first.path("pairingKey").path("code").asText();
      List<String> ledger = ledgerValues(fx.ledger);
      assertThat(ledger).hasSize(2).noneMatch(value -> value.contains(code));
      assertThat(ledger.get(0)).contains("\"STARTED\"");
      assertThat(ledger.get(1)).contains("\"COMPLETED\"");
    }
  }

  /**
   * The run must outlast a handover: under the consumer protocol the first worker learns that it
   * must give partitions up at its next heartbeat, up to the broker's {@code
   * group.consumer.heartbeat.interval.ms} (5 s) after the second joined, so the 600 creates take
   * about 15 s for one worker (100 ms each, 4 at a time).
   */
  @ParameterizedTest(name = "kafka.group.protocol={0}")
  @EnumSource(GroupProtocol.class)
  void withTheLedgerAWorkerJoiningAndLeavingMidRunCreatesNoKeyTwice(GroupProtocol protocol)
      throws Exception {
    try (WorkerFixture fx =
        WorkerFixture.start(
            sim -> sim.withLatency(LatencyModel.fixed(Duration.ofMillis(100))),
            GroupProtocols.with(
                protocol,
                Map.of(
                    "worker.ledger.enabled", "true",
                    "pingone.rate.limit", "0",
                    "worker.max.in-flight", "4",
                    "worker.max.buffered", "50")),
            4)) {
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < 600; i++) {
        keys.add("ledger-rebalance-" + i);
        fx.client.send(keys.get(i), fx.create(UUID.randomUUID().toString()), Map.of());
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> answered(fx, keys) > 50);
      GroupProtocols.assertGroupUses(protocol, fx.groupId());
      try (Worker second = fx.startAnotherWorker()) {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    second.metrics().registry().find("pairing_worker.commands").counters().stream()
                            .mapToDouble(c -> c.count())
                            .sum()
                        > 20);
      }

      CompletableFuture.allOf(keys.stream().map(fx.client::reply).toArray(CompletableFuture[]::new))
          .get(120, TimeUnit.SECONDS);
      Map<String, Long> creates =
          fx.apiRequests().stream()
              .filter(r -> r.method().equals("POST"))
              .collect(
                  Collectors.groupingBy(RecordedRequest::transactionId, Collectors.counting()));
      assertThat(creates.keySet()).containsExactlyInAnyOrderElementsOf(keys);
      assertThat(creates.values()).allMatch(n -> n == 1);
      assertThat(fx.worker.failure()).isNull();
    }
  }

  @Test
  void onlyCreatesHoldingACallSlotAreMarkedStartedSoACrashLeavesAtMostThatManyUnfinished()
      throws Exception {
    int inFlight = 2;
    try (WorkerFixture fx =
        WorkerFixture.start(
            sim -> sim.withLatency(LatencyModel.fixed(Duration.ofMillis(300))),
            Map.of(
                "worker.max.in-flight", Integer.toString(inFlight), "pingone.rate.limit", "0"))) {
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        keys.add("slot-" + i + "-" + UUID.randomUUID());
        fx.client.send(keys.get(i), fx.create(UUID.randomUUID().toString()), Map.of());
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> fx.apiRequests().size() >= 3);

      // Every create is queued by now; only those holding one of the slots (and a reply being
      // recorded just after releasing one) may be STARTED without COMPLETED.
      Map<String, String> lastState = new java.util.HashMap<>();
      for (ConsumerRecord<byte[], byte[]> entry : ledgerRecords(fx.ledger)) {
        String value =
            entry.value() == null ? "" : new String(entry.value(), StandardCharsets.UTF_8);
        lastState.put(new String(entry.key(), StandardCharsets.UTF_8), value);
      }
      assertThat(lastState.values().stream().filter(v -> v.contains("\"STARTED\"")).count())
          .isPositive()
          .isLessThanOrEqualTo(2L * inFlight);
      CompletableFuture.allOf(keys.stream().map(fx.client::reply).toArray(CompletableFuture[]::new))
          .get(60, TimeUnit.SECONDS);
    }
  }

  private static long answered(WorkerFixture fx, List<String> keys) {
    return keys.stream().filter(k -> fx.client.reply(k).isDone()).count();
  }

  private static List<ConsumerRecord<byte[], byte[]>> ledgerRecords(String topic) {
    return TopicRecords.committed(TestKafka.clientSettings(), topic);
  }

  private static List<String> ledgerValues(String topic) {
    return ledgerRecords(topic).stream()
        .map(r -> new String(r.value(), StandardCharsets.UTF_8))
        .toList();
  }

  @ParameterizedTest(name = "kafka.group.protocol={0}")
  @EnumSource(GroupProtocol.class)
  void aRestartedWorkerReplaysCreatesThatCompletedBeforeInsteadOfRunningThemAgain(
      GroupProtocol protocol) throws Exception {
    try (WorkerFixture fx =
        WorkerFixture.start(s -> s, GroupProtocols.with(protocol, LEDGER_ON), 3)) {
      List<String> keys =
          List.of("restart-a-" + UUID.randomUUID(), "restart-b-" + UUID.randomUUID());
      String user = UUID.randomUUID().toString();
      Map<String, String> keyIds = new java.util.HashMap<>();
      for (String key : keys) {
        JsonNode first = fx.callJson(key, fx.create(user));
        assertThat(first.path("status").asText()).isEqualTo("SUCCEEDED");
        keyIds.put(key, first.path("pairingKey").path("id").asText());
      }
      fx.worker.stop();
      assertThat(fx.worker.awaitStopped(Duration.ofSeconds(60))).isTrue();

      // The restarted worker's memory holds where each record is, not its reply: the replay reads
      // it back from the ledger topic.
      try (Worker restarted = fx.startAnotherWorker()) {
        for (String key : keys) {
          fx.client.send(key, fx.create(user), Map.of()).get(30, TimeUnit.SECONDS);
        }
        for (String key : keys) {
          JsonNode replay = awaitReplies(fx, key, 2).get(1);
          assertThat(replay.path("replay").asBoolean()).isTrue();
          assertThat(replay.path("status").asText()).isEqualTo("SUCCEEDED");
          assertThat(replay.path("codeOmitted").asBoolean()).isTrue();
          assertThat(replay.path("pairingKey").path("id").asText()).isEqualTo(keyIds.get(key));
          assertThat(replay.path("transactionId").asText()).isEqualTo(key);
          assertThat(creates(fx, key)).isEqualTo(1);
        }
        assertThat(ledgerReplays(restarted)).isEqualTo(2.0);
        GroupProtocols.assertGroupUses(protocol, fx.groupId());
        assertThat(restarted.failure()).isNull();
      }
    }
  }

  @Test
  void aCompletedCreateWhoseLedgerRecordIsGoneIsAnsweredLedgerUnavailableWithoutCallingPingOne()
      throws Exception {
    try (WorkerFixture fx = WorkerFixture.start(s -> s, LEDGER_ON)) {
      String user = UUID.randomUUID().toString();
      String key = "gone-" + UUID.randomUUID();
      JsonNode first = fx.callJson(key, fx.create(user));
      TopicPartition commands = new TopicPartition(fx.commands, 0);
      long next = first.path("source").path("offset").asLong() + 1;
      // Committed only once the COMPLETED entry is acknowledged: memory then holds its offset.
      await().atMost(Duration.ofSeconds(30)).until(() -> committed(fx, commands) >= next);
      try (Admin admin = Admin.create(TestKafka.clientSettings())) {
        TopicPartition ledger = new TopicPartition(fx.ledger, 0);
        admin
            .deleteRecords(
                Map.of(ledger, RecordsToDelete.beforeOffset(ledgerRecords(fx.ledger).size())))
            .all()
            .get(30, TimeUnit.SECONDS);
      }
      fx.client.send(key, fx.create(user), Map.of()).get(30, TimeUnit.SECONDS);

      JsonNode second = awaitReplies(fx, key, 2).get(1);
      assertThat(second.path("status").asText()).isEqualTo("FAILED");
      assertThat(second.path("error").path("code").asText()).isEqualTo("LEDGER_UNAVAILABLE");
      assertThat(second.path("error").path("message").asText())
          .contains("is no longer in the topic");
      assertThat(second.has("replay")).isFalse();
      assertThat(second.has("pairingKey")).isFalse();
      assertThat(creates(fx, key)).isEqualTo(1);
      assertThat(ledgerReplays(fx.worker)).isZero();
      assertThat(fx.worker.failure()).isNull();
    }
  }

  private static long committed(WorkerFixture fx, TopicPartition tp) throws Exception {
    try (Admin admin = Admin.create(TestKafka.clientSettings())) {
      var offset =
          admin
              .listConsumerGroupOffsets(fx.groupId())
              .partitionsToOffsetAndMetadata()
              .get(30, TimeUnit.SECONDS)
              .get(tp);
      return offset == null ? -1 : offset.offset();
    }
  }

  @Test
  void aCreateThatStartedButNeverCompletedIsAnsweredOutcomeUnknownWithoutCallingPingOneIfAsked()
      throws Exception {
    String key = "crashed-" + UUID.randomUUID();
    String ledger = ledgerWithStartedEntry(key, 1);
    try (WorkerFixture fx =
        WorkerFixture.start(
            s -> s,
            Map.of(
                "worker.ledger.enabled", "true",
                "worker.topic.ledger", ledger,
                "pingone.retry.ambiguous-create", "answer"))) {
      JsonNode reply = fx.callJson(key, fx.create(UUID.randomUUID().toString()));

      assertThat(reply.path("status").asText()).isEqualTo("FAILED");
      assertThat(reply.path("error").path("code").asText()).isEqualTo("OUTCOME_UNKNOWN");
      assertThat(reply.path("outcomeUnknown").asBoolean()).isTrue();
      assertThat(reply.path("attempts").asInt()).isZero();
      assertThat(fx.apiRequests()).isEmpty();
      assertThat(unfinishedCreates(fx.worker, "answer")).isEqualTo(1.0);
    }
  }

  @Test
  void aCreateThatStartedButNeverCompletedIsCalledAgainByDefaultCountingOneAmbiguousAttempt()
      throws Exception {
    String key = "crashed-retry-" + UUID.randomUUID();
    String ledger = ledgerWithStartedEntry(key, 1);
    try (WorkerFixture fx =
        WorkerFixture.start(
            s -> s, Map.of("worker.ledger.enabled", "true", "worker.topic.ledger", ledger))) {
      JsonNode reply = fx.callJson(key, fx.create(UUID.randomUUID().toString()));

      assertThat(reply.path("status").asText()).isEqualTo("SUCCEEDED");
      assertThat(reply.path("attempts").asInt()).isEqualTo(1);
      assertThat(reply.path("ambiguousAttempts").asInt())
          .as("the earlier, unfinished run may have created a key")
          .isEqualTo(1);
      assertThat(creates(fx, key)).isEqualTo(1);
      assertThat(unfinishedCreates(fx.worker, "retry")).isEqualTo(1.0);
      assertThat(
              fx.worker
                  .metrics()
                  .registry()
                  .get("pairing_worker.pingone.ambiguous_outcomes")
                  .tag("action", "retried")
                  .counter()
                  .count())
          .isEqualTo(1.0);
    }
  }

  @Test
  void aLedgerTopicWithAnotherPartitionCountThanTheCommandsTopicStopsTheWorker() throws Exception {
    String ledger = ledgerWithStartedEntry("unused-" + UUID.randomUUID(), 1);
    try (WorkerFixture fx =
        WorkerFixture.start(
            s -> s, Map.of("worker.ledger.enabled", "true", "worker.topic.ledger", ledger), 2)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> fx.worker.failure() != null);
      assertThat(fx.worker.failure())
          .hasMessage("the ledger failed")
          .rootCause()
          .hasMessageContaining("has 1 partitions but the commands topic")
          .hasMessageEndingWith("has 2: they must be equal");
    }
  }

  @Test
  void byDefaultTheLedgerIsOnAndTheWorkerCreatesItsMissingTopicLikeTheCommandsTopic()
      throws Exception {
    try (WorkerFixture fx = WorkerFixture.start(s -> s, Map.of(), 3)) {
      String key = "default-on-" + UUID.randomUUID();
      String user = UUID.randomUUID().toString();
      fx.callJson(key, fx.create(user));
      fx.client.send(key, fx.create(user), Map.of()).get(30, TimeUnit.SECONDS);

      assertThat(awaitReplies(fx, key, 2).get(1).path("replay").asBoolean()).isTrue();
      assertThat(creates(fx, key)).isEqualTo(1);
      try (Admin admin = Admin.create(TestKafka.clientSettings())) {
        TopicDescription topic =
            admin.describeTopics(List.of(fx.ledger)).allTopicNames().get().get(fx.ledger);
        assertThat(topic.partitions()).hasSize(3);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, fx.ledger);
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        assertThat(config.get("cleanup.policy").value()).isEqualTo("compact,delete");
        assertThat(config.get("retention.ms").value())
            .isEqualTo(Long.toString(Duration.ofDays(7).toMillis()));
      }
    }
  }

  @Test
  void withTopicCreationOffAMissingLedgerTopicStopsTheWorkerWithAMessageNamingIt()
      throws Exception {
    try (WorkerFixture fx =
        WorkerFixture.start(s -> s, Map.of("worker.ledger.topic.create", "false"))) {
      fx.client
          .send("no-ledger-" + UUID.randomUUID(), fx.create(UUID.randomUUID().toString()), Map.of())
          .get(30, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(30)).until(() -> fx.worker.failure() != null);
      assertThat(fx.worker.failure())
          .rootCause()
          .hasMessageContaining("worker.topic.ledger " + fx.ledger + ": the topic does not exist");
      try (Admin admin = Admin.create(TestKafka.clientSettings())) {
        assertThat(admin.listTopics().names().get()).doesNotContain(fx.ledger);
      }
      assertThat(fx.apiRequests()).isEmpty();
    }
  }

  /** A ledger topic holding a STARTED entry without its COMPLETED: a crash in between. */
  private static String ledgerWithStartedEntry(String key, int partitions) throws Exception {
    String ledger = "ledger-started-" + UUID.randomUUID().toString().substring(0, 8);
    Topics.ensureLedger(TestKafka.clientSettings(), ledger, partitions, Duration.ofDays(7));
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            TestKafka.clientSettings(), new ByteArraySerializer(), new ByteArraySerializer())) {
      String started = "{\"state\":\"STARTED\",\"at\":\"" + Instant.now() + "\"}";
      producer
          .send(new ProducerRecord<>(ledger, 0, bytes(key), bytes(started)))
          .get(30, TimeUnit.SECONDS);
    }
    return ledger;
  }

  private static double unfinishedCreates(Worker worker, String action) {
    return worker
        .metrics()
        .registry()
        .get("pairing_worker.ledger.unfinished_creates")
        .tag("action", action)
        .counter()
        .count();
  }

  private static List<JsonNode> awaitReplies(WorkerFixture fx, String key, int count) {
    await().atMost(Duration.ofSeconds(30)).until(() -> fx.allReplies(key).size() >= count);
    List<ConsumerRecord<byte[], byte[]>> records = fx.allReplies(key);
    assertThat(records).hasSize(count);
    return records.stream().map(fx::json).toList();
  }

  private static long creates(WorkerFixture fx, String key) {
    return fx.apiRequests().stream()
        .filter(r -> r.method().equals("POST"))
        .map(RecordedRequest::transactionId)
        .filter(key::equals)
        .count();
  }

  private static double ledgerReplays(Worker worker) {
    return worker.metrics().registry().get("pairing_worker.ledger.replays").counter().count();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
