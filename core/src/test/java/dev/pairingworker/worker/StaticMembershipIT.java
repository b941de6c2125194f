package dev.pairingworker.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pairingworker.config.WorkerConfig;
import dev.pairingworker.support.GroupProtocols;
import dev.pairingworker.support.TestKafka;
import dev.pairingworker.support.WorkerFixture;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.UnreleasedInstanceIdException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code worker.instance.id} (static membership) under both group protocols: what a stop means for
 * the other members, and what two workers sharing an ID do. The crash case (a static member killed
 * and restarted) is {@code CrashIT}'s.
 */
class StaticMembershipIT {
  /**
   * A stopped static member (SIGTERM, {@code Worker.stop()}) does not leave the group: the other
   * worker keeps its partitions and does not get the stopped one's, whose commands wait; the
   * stopped worker, started again with the same ID, takes them back and answers them.
   */
  @ParameterizedTest(name = "kafka.group.protocol={0}")
  @EnumSource(GroupProtocol.class)
  void aStoppedStaticMemberKeepsItsPartitionsUntilItIsBackAndTheOthersAreNotRebalanced(
      GroupProtocol protocol) throws Exception {
    try (WorkerFixture fx =
        WorkerFixture.start(
            s -> s, GroupProtocols.with(protocol, Map.of("worker.instance.id", "replica-a")), 4)) {
      try (Worker b = fx.startAnotherWorker(Map.of("worker.instance.id", "replica-b"))) {
        Map<String, Set<TopicPartition>> before =
            await()
                .atMost(Duration.ofSeconds(60))
                .until(
                    () -> assignments(fx.groupId()),
                    a -> a.size() == 2 && a.values().stream().allMatch(p -> p.size() == 2));
        fx.worker.stop();
        assertThat(fx.worker.awaitStopped(Duration.ofSeconds(60))).isTrue();

        // Commands on every partition: only replica-b's are answered while replica-a is away.
        List<String> keys = sendOnePerPartition(fx, 4);
        Set<Integer> ofB =
            before.get("replica-b").stream()
                .map(TopicPartition::partition)
                .collect(Collectors.toSet());
        for (int p : ofB) {
          fx.client.reply(keys.get(p)).get(30, TimeUnit.SECONDS);
        }
        // a rebalance would have moved replica-a's partitions within these seconds
        await("assignments unchanged while replica-a is stopped")
            .during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(5))
            .until(() -> assignments(fx.groupId()), before::equals);
        for (int p = 0; p < 4; p++) {
          if (!ofB.contains(p)) {
            assertThat(fx.client.reply(keys.get(p))).as("partition %d's command", p).isNotDone();
          }
        }

        try (Worker a = Worker.start(WorkerConfig.of(fx.settings()))) {
          for (String key : keys) {
            fx.client.reply(key).get(30, TimeUnit.SECONDS);
          }
          assertThat(assignments(fx.groupId())).isEqualTo(before);
          assertThat(a.failure()).isNull();
        }
        assertThat(b.failure()).isNull();
      }
    }
  }

  /**
   * Two running workers must never share an instance ID; when they do, the one that was there first
   * is fenced and stops with an error, and the newcomer works.
   */
  @ParameterizedTest(name = "kafka.group.protocol={0}")
  @EnumSource(GroupProtocol.class)
  void ofTwoRunningWorkersSharingAnInstanceIdTheOlderStopsWithAnError(GroupProtocol protocol)
      throws Exception {
    try (WorkerFixture fx =
        WorkerFixture.start(
            s -> s, GroupProtocols.with(protocol, Map.of("worker.instance.id", "replica-0")), 2)) {
      fx.callJson("before-" + UUID.randomUUID(), fx.create(UUID.randomUUID().toString()));

      try (Worker newcomer = fx.startAnotherWorker()) {
        await().atMost(Duration.ofSeconds(60)).until(() -> fx.worker.failure() != null);
        assertThat(fx.worker.failure())
            .isInstanceOfAny(FencedInstanceIdException.class, UnreleasedInstanceIdException.class);
        String key = "after-" + UUID.randomUUID();
        assertThat(
                fx.callJson(key, fx.create(UUID.randomUUID().toString())).path("status").asText())
            .isEqualTo("SUCCEEDED");
        assertThat(newcomer.failure()).isNull();
      }
    }
  }

  private static List<String> sendOnePerPartition(WorkerFixture fx, int partitions)
      throws Exception {
    List<String> keys = new java.util.ArrayList<>();
    try (var producer =
        new org.apache.kafka.clients.producer.KafkaProducer<String, String>(
            new HashMap<>(TestKafka.clientSettings()),
            new org.apache.kafka.common.serialization.StringSerializer(),
            new org.apache.kafka.common.serialization.StringSerializer())) {
      for (int p = 0; p < partitions; p++) {
        String key = "static-" + p + "-" + UUID.randomUUID();
        keys.add(key);
        producer
            .send(
                new org.apache.kafka.clients.producer.ProducerRecord<>(
                    fx.commands, p, key, fx.create(UUID.randomUUID().toString())))
            .get(30, TimeUnit.SECONDS);
      }
    }
    return keys;
  }

  /** Instance ID → its assigned partitions, as the group coordinator sees them. */
  private static Map<String, Set<TopicPartition>> assignments(String group) throws Exception {
    try (Admin admin = Admin.create(TestKafka.clientSettings())) {
      return admin
          .describeConsumerGroups(List.of(group))
          .describedGroups()
          .get(group)
          .get(30, TimeUnit.SECONDS)
          .members()
          .stream()
          .filter(m -> m.groupInstanceId().isPresent())
          .collect(
              Collectors.toMap(
                  m -> m.groupInstanceId().orElseThrow(),
                  StaticMembershipIT::partitions,
                  (x, y) -> x));
    }
  }

  private static Set<TopicPartition> partitions(MemberDescription member) {
    return Set.copyOf(member.assignment().topicPartitions());
  }
}
