package dev.pairingworker.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pairingworker.client.CommandClient;
import dev.pairingworker.kafka.Topics;
import dev.pairingworker.simulator.LatencyModel;
import dev.pairingworker.simulator.PingOneSimulator;
import dev.pairingworker.simulator.RecordedRequest;
import dev.pairingworker.simulator.SimulatorSettings;
import dev.pairingworker.support.ForkedWorker;
import dev.pairingworker.support.GroupProtocols;
import dev.pairingworker.support.TestKafka;
import dev.pairingworker.support.TopicRecords;
import dev.pairingworker.support.WorkerFixture;
import dev.pairingworker.testkit.SimulatedPingOne;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code worker.processing.guarantee=exactly_once}: replies, dead letters and offsets are committed
 * in one transaction, so a read_committed reader sees exactly one reply per command record, through
 * rebalances and repeats, under both consumer group protocols. Real broker, real simulator, nothing
 * mocked.
 */
class ExactlyOnceIT {
  @TempDir Path dir;

  static final Map<String, String> EXACTLY_ONCE =
      Map.of("worker.processing.guarantee", "exactly_once");

  @ParameterizedTest(name = "kafka.group.protocol={0}")
  @EnumSource(GroupProtocol.class)
  void createsGetsAndDeletesOverManyUsersAreAnsweredOnceEachAndTheirOffsetsCommitted(
      GroupProtocol protocol) throws Exception {
    try (WorkerFixture fx =
        WorkerFixture.start(s -> s, GroupProtocols.with(protocol, EXACTLY_ONCE), 4)) {
      int users = 30;
      Map<String, String> keyIdByUser = new HashMap<>();
      List<String> keys = new ArrayList<>();
      List<String> creates = new ArrayList<>();
      for (int i = 0; i < users; i++) {
        String user = UUID.randomUUID().toString();
        String key = "create-" + i + "-" + user;
        creates.add(key);
        fx.client.send(key, fx.create(user), Map.of());
        keyIdByUser.put(user, key);
      }
      keys.addAll(creates);
      Map<String, String> keyIds = new HashMap<>();
      for (Map.Entry<String, String> created : keyIdByUser.entrySet()) {
        JsonNode reply = fx.json(fx.client.reply(created.getValue()).get(60, TimeUnit.SECONDS));
        assertThat(reply.path("status").asText()).isEqualTo("SUCCEEDED");
        keyIds.put(created.getKey(), reply.path("pairingKey").path("id").asText());
        String get = "get-" + created.getKey();
        keys.add(get);
        fx.client.send(get, fx.get(created.getKey(), keyIds.get(created.getKey())), Map.of());
      }
      for (Map.Entry<String, String> keyId : keyIds.entrySet()) {
        fx.client.reply("get-" + keyId.getKey()).get(60, TimeUnit.SECONDS);
        String delete = "delete-" + keyId.getKey();
        keys.add(delete);
        fx.client.send(delete, fx.delete(keyId.getKey(), keyId.getValue()), Map.of());
      }
      fx.client.send("invalid-1", "{\"op\":\"nope\"}", Map.of());
      fx.client.send("invalid-2", "not json", Map.of());
      keys.add("invalid-1");
      keys.add("invalid-2");
      int records = keys.size();

      Map<String, List<JsonNode>> replies = awaitCommittedReplies(fx, keys);
      assertThat(replies.keySet()).containsExactlyInAnyOrderElementsOf(keys);
      assertThat(replies.values()).allSatisfy(each -> assertThat(each).hasSize(1));
      assertThat(replies.entrySet())
          .filteredOn(e -> e.getKey().startsWith("get-") || e.getKey().startsWith("delete-"))
          .allSatisfy(e -> assertThat(status(e.getValue())).isEqualTo("SUCCEEDED"));
      assertThat(status(replies.get("invalid-1"))).isEqualTo("REJECTED");
      assertThat(committedRecords(fx.deadLetter)).hasSize(2);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> committedOffsets(fx.groupId(), fx.commands) == records);
      assertThat(transactions(fx.worker, "committed")).isPositive();
      assertThat(outboxRecords(fx.worker)).isZero();
      assertThat(fx.worker.failure()).isNull();
    }
  }

  @ParameterizedTest(name = "kafka.group.protocol={0}")
  @EnumSource(GroupProtocol.class)
  void repliesAndDeadLettersAreWrittenInTransactionsThatReadCommittedReadersSee(
      GroupProtocol protocol) throws Exception {
    try (WorkerFixture fx =
        WorkerFixture.start(s -> s, GroupProtocols.with(protocol, EXACTLY_ONCE), 1)) {
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        keys.add("tx-" + i);
        fx.client.send("tx-" + i, fx.create(UUID.randomUUID().toString()), Map.of());
      }
      fx.client.send("rejected", "{\"op\":\"nope\"}", Map.of());
      keys.add("rejected");
      awaitCommittedReplies(fx, keys);

      // A transaction leaves a commit marker in every partition it wrote to: a marker takes an
      // offset, so a transactional partition ends past its last record. Replies sent without a
      // transaction (as at-least-once does) would end right after it.
      for (String topic : List.of(fx.replies, fx.deadLetter)) {
        Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> byPartition =
            uncommittedRecords(topic).stream()
                .collect(Collectors.groupingBy(r -> new TopicPartition(r.topic(), r.partition())));
        assertThat(byPartition).as(topic).isNotEmpty();
        Map<TopicPartition, Long> ends = endOffsets(topic, "read_uncommitted");
        byPartition.forEach(
            (tp, records) -> {
              long last = records.get(records.size() - 1).offset();
              assertThat(ends.get(tp)).as("end of " + tp).isGreaterThan(last + 1);
            });
        assertThat(endOffsets(topic, "read_committed"))
            .as("no transaction is left open in " + topic)
            .isEqualTo(ends);
      }
    }
  }

  @ParameterizedTest(name = "kafka.group.protocol={0}")
  @EnumSource(GroupProtocol.class)
  void aWorkerJoiningAndLeavingMidRunLeavesExactlyOneCommittedReplyPerTransactionId(
      GroupProtocol protocol) throws Exception {
    Map<String, Long> replies = rebalanceRun("exactly_once", protocol);

    assertThat(replies.values()).allMatch(n -> n == 1);
  }

  /**
   * The control for the test above: the same run at least once does answer records twice (a command
   * still on the wire when its partition is handed over is answered by both owners), so the
   * exactly-once test would catch a transaction that let such a reply through.
   */
  @ParameterizedTest(name = "kafka.group.protocol={0}")
  @EnumSource(GroupProtocol.class)
  void theSameRunAtLeastOnceAnswersSomeRecordsTwice(GroupProtocol protocol) throws Exception {
    Map<String, Long> replies = rebalanceRun("at_least_once", protocol);

    assertThat(replies.values().stream().filter(n -> n > 1).count()).isPositive();
  }

  @ParameterizedTest(name = "kafka.group.protocol={0}")
  @EnumSource(GroupProtocol.class)
  void aCreateSentTwiceIsCalledOnceAndAnsweredTwiceTheSecondTimeAsAReplay(GroupProtocol protocol)
      throws Exception {
    Map<String, String> settings = GroupProtocols.with(protocol, EXACTLY_ONCE);
    settings.put("worker.ledger.enabled", "true");
    try (WorkerFixture fx = WorkerFixture.start(s -> s, settings)) {
      String user = UUID.randomUUID().toString();
      String key = "twice-" + UUID.randomUUID();
      fx.client.send(key, fx.create(user), Map.of()).get(30, TimeUnit.SECONDS);
      fx.client.send(key, fx.create(user), Map.of()).get(30, TimeUnit.SECONDS);

      await().atMost(Duration.ofSeconds(30)).until(() -> committedReplies(fx).size() == 2);
      List<JsonNode> replies = committedReplies(fx).stream().map(fx::json).toList();
      assertThat(replies).hasSize(2);
      assertThat(replies.get(0).has("replay")).isFalse();
      assertThat(replies.get(0).path("pairingKey").path("code").asText()).hasSize(12);
      assertThat(replies.get(1).path("replay").asBoolean()).isTrue();
      assertThat(replies.get(1).path("pairingKey").path("id").asText())
          .isEqualTo(replies.get(0).path("pairingKey").path("id").asText());
      assertThat(fx.apiRequests()).filteredOn(r -> r.method().equals("POST")).hasSize(1);
    }
  }

  /**
   * The worker as a process, killed with SIGKILL twice while it answers creates and restarted with
   * the same configuration (so the same derived transactional ID, which aborts the dead one's open
   * transaction at once, and the same worker.instance.id, which takes the dead member's place in
   * the group at once): a read_committed reader sees exactly one reply per transaction ID.
   */
  @ParameterizedTest(name = "kafka.group.protocol={0}")
  @EnumSource(GroupProtocol.class)
  void aWorkerKilledHardTwiceAndRestartedLeavesExactlyOneCommittedReplyPerTransactionId(
      GroupProtocol protocol) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String commands = "kill-commands-" + run;
    String replies = "kill-replies-" + run;
    String ledger = "kill-ledger-" + run;
    Topics.ensure(
        TestKafka.clientSettings(), Map.of(commands, 4, replies, 2, "kill-dead-letter-" + run, 1));
    Topics.ensureLedger(TestKafka.clientSettings(), ledger, 4, Duration.ofDays(7));
    try (PingOneSimulator sim =
            PingOneSimulator.start(
                SimulatorSettings.defaults()
                    .withLatency(LatencyModel.fixed(Duration.ofMillis(50))));
        CommandClient client = new CommandClient(TestKafka.clientSettings(), commands, replies)) {
      client.awaitListening(Duration.ofSeconds(30));
      Map<String, String> settings =
          SimulatedPingOne.workerSettings(sim, SimulatorSettings.defaults(), WorkerFixture.ENV)
              .kafka(TestKafka.bootstrapServers())
              .set("kafka.group.protocol", GroupProtocols.name(protocol))
              // a killed dynamic member would hold its partitions until its session (45 s) ends;
              // a static one is replaced by its restarted self at once
              .set("worker.instance.id", "kill-worker-0")
              .group("kill-group-" + run)
              .topics(commands, replies, "kill-dead-letter-" + run, ledger)
              .set("worker.ledger.enabled", "true")
              .set("worker.processing.guarantee", "exactly_once")
              .set("worker.max.in-flight", "8")
              .set("pingone.rate.limit", "0")
              .metricsPort(0)
              .toMap();
      Path config = ForkedWorker.writeConfig(dir.resolve("worker.properties"), settings);
      Path log = dir.resolve("worker.log");
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        keys.add("kill-" + i);
        client.send(keys.get(i), createCommand(sim, UUID.randomUUID().toString()), Map.of());
      }
      for (int answered : List.of(30, 120)) {
        ForkedWorker worker = ForkedWorker.start(config, log);
        await()
            .atMost(Duration.ofSeconds(90))
            .until(() -> keys.stream().filter(k -> client.reply(k).isDone()).count() > answered);
        worker.kill(); // SIGKILL: no drain, no final transaction; waits for the process to end
      }
      try (ForkedWorker last = ForkedWorker.start(config, log)) {
        await()
            .atMost(Duration.ofSeconds(120))
            .until(
                () ->
                    committedRecords(replies).stream()
                        .map(ExactlyOnceIT::key)
                        .collect(Collectors.toSet())
                        .containsAll(keys));
        last.terminate();
        last.awaitExit(Duration.ofSeconds(60));
      }

      Map<String, Long> committed =
          committedRecords(replies).stream()
              .collect(Collectors.groupingBy(ExactlyOnceIT::key, Collectors.counting()));
      assertThat(committed.keySet()).containsExactlyInAnyOrderElementsOf(keys);
      assertThat(committed.values()).allMatch(n -> n == 1);
    }
  }

  /** A create command for a user seeded in the (strict) simulator. */
  private static String createCommand(PingOneSimulator sim, String user) {
    sim.addUsers(WorkerFixture.ENV, List.of(user));
    return "{\"op\":\"create\",\"environmentId\":\""
        + WorkerFixture.ENV
        + "\",\"userId\":\""
        + user
        + "\"}";
  }

  /**
   * One user per partition, so each partition has a command on the wire nearly all the time (a
   * user's commands run one at a time); a second worker joins and leaves while they run, with the
   * ledger on. {@code worker.shutdown.timeout} is short, so commands on the wire at a hand-over are
   * not waited for: their records go to the next owner while the first owner still finishes them.
   * Returns the replies a read_committed reader sees, counted by key.
   */
  private static Map<String, Long> rebalanceRun(String guarantee, GroupProtocol protocol)
      throws Exception {
    Map<String, String> settings =
        GroupProtocols.with(
            protocol,
            Map.of(
                "worker.processing.guarantee", guarantee,
                "worker.ledger.enabled", "true",
                "worker.shutdown.timeout", "10ms",
                "pingone.rate.limit", "0",
                "worker.max.in-flight", "8"));
    try (WorkerFixture fx =
        WorkerFixture.start(
            sim -> sim.withLatency(LatencyModel.fixed(Duration.ofMillis(250))), settings, 4)) {
      List<String> keys = sendOneUserPerPartition(fx, 4, 60);
      await().atMost(Duration.ofSeconds(60)).until(() -> answered(fx, keys) > 8);
      GroupProtocols.assertGroupUses(protocol, fx.groupId());
      try (Worker second =
          fx.startAnotherWorker(Map.of("worker.transactional.id", "second-" + UUID.randomUUID()))) {
        await().atMost(Duration.ofSeconds(60)).until(() -> answeredBy(second) > 8);
      }
      CompletableFuture.allOf(keys.stream().map(fx.client::reply).toArray(CompletableFuture[]::new))
          .get(120, TimeUnit.SECONDS);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> committedOffsets(fx.groupId(), fx.commands) == keys.size());

      Map<String, Long> replies =
          committedReplies(fx).stream()
              .collect(Collectors.groupingBy(ExactlyOnceIT::key, Collectors.counting()));
      assertThat(replies.keySet()).containsExactlyInAnyOrderElementsOf(keys);
      Map<String, Long> creates =
          fx.apiRequests().stream()
              .filter(r -> r.method().equals("POST"))
              .collect(
                  Collectors.groupingBy(RecordedRequest::transactionId, Collectors.counting()));
      assertThat(creates.values()).as("the ledger calls no create twice").allMatch(n -> n == 1);
      assertThat(fx.worker.failure()).isNull();
      return replies;
    }
  }

  /**
   * Sends {@code perPartition} commands to each partition, all of one user per partition: every
   * fourth a create (at most 15, below PingOne's 20 keys per user), the others gets of an absent
   * key (answered FAILED 404).
   */
  private static List<String> sendOneUserPerPartition(
      WorkerFixture fx, int partitions, int perPartition) throws Exception {
    List<String> keys = new ArrayList<>();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            TestKafka.clientSettings(), new ByteArraySerializer(), new ByteArraySerializer())) {
      List<String> users = new ArrayList<>();
      for (int p = 0; p < partitions; p++) {
        users.add(UUID.randomUUID().toString());
      }
      for (int i = 0; i < perPartition; i++) {
        for (int p = 0; p < partitions; p++) {
          String key = "rebalance-" + p + "-" + i;
          String user = users.get(p);
          String command =
              i % 4 == 0 ? fx.create(user) : fx.get(user, UUID.randomUUID().toString());
          keys.add(key);
          producer.send(new ProducerRecord<>(fx.commands, p, bytes(key), bytes(command)));
        }
      }
      producer.flush();
    }
    return keys;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, List<JsonNode>> awaitCommittedReplies(
      WorkerFixture fx, List<String> keys) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                committedReplies(fx).stream()
                    .map(ExactlyOnceIT::key)
                    .collect(Collectors.toSet())
                    .containsAll(keys));
    return committedReplies(fx).stream()
        .collect(
            Collectors.groupingBy(
                ExactlyOnceIT::key, Collectors.mapping(fx::json, Collectors.toList())));
  }

  static List<ConsumerRecord<byte[], byte[]>> committedReplies(WorkerFixture fx) {
    return committedRecords(fx.replies);
  }

  /** Every record of {@code topic} a read_committed reader sees, read to the stable end. */
  static List<ConsumerRecord<byte[], byte[]>> committedRecords(String topic) {
    return TopicRecords.committed(TestKafka.clientSettings(), topic);
  }

  private static List<ConsumerRecord<byte[], byte[]>> uncommittedRecords(String topic) {
    return TopicRecords.uncommitted(TestKafka.clientSettings(), topic);
  }

  private static Map<TopicPartition, Long> endOffsets(String topic, String isolation) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(isolation)) {
      return consumer.endOffsets(
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList());
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String isolation) {
    Map<String, Object> settings = new HashMap<>(TestKafka.clientSettings());
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    return new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  static long committedOffsets(String group, String topic) throws Exception {
    try (Admin admin = Admin.create(TestKafka.clientSettings())) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(30, TimeUnit.SECONDS);
      return offsets.entrySet().stream()
          .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset())
          .sum();
    }
  }

  static String key(ConsumerRecord<byte[], byte[]> record) {
    return new String(record.key(), StandardCharsets.UTF_8);
  }

  private static String status(List<JsonNode> replies) {
    return replies.get(0).path("status").asText();
  }

  private static long answered(WorkerFixture fx, List<String> keys) {
    return keys.stream().filter(k -> fx.client.reply(k).isDone()).count();
  }

  private static double answeredBy(Worker worker) {
    return worker.metrics().registry().find("pairing_worker.commands").counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  private static double transactions(Worker worker, String result) {
    return worker
        .metrics()
        .registry()
        .get("pairing_worker.transactions")
        .tag("result", result)
        .counter()
        .count();
  }

  private static double outboxRecords(Worker worker) {
    return worker.metrics().registry().get("pairing_worker.outbox_records").gauge().value();
  }
}
