package dev.pairingworker.crash;

import dev.pairingworker.kafka.Topics;
import dev.pairingworker.simulator.PingOneSimulator;
import dev.pairingworker.simulator.SimulatorSettings;
import dev.pairingworker.support.Commands;
import dev.pairingworker.testkit.SimulatedPingOne;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The workload of issue 5's crash tests: {@code creates} create commands with distinct transaction
 * IDs (the record keys) spread over {@code users} users, on a commands topic of {@code partitions}
 * partitions with a co-partitioned ledger topic, and the worker settings that run them with the
 * ledger on.
 */
record CrashScenario(
    String commands,
    String replies,
    String deadLetter,
    String ledger,
    String group,
    int partitions,
    int creates,
    int users) {

  /** {@code worker.max.in-flight}: PingOne calls in flight at once (the default). */
  static final int MAX_IN_FLIGHT = 64;

  static CrashScenario fresh(int partitions, int creates, int users) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    return new CrashScenario(
        "crash-commands-" + run,
        "crash-replies-" + run,
        "crash-dead-letter-" + run,
        "crash-ledger-" + run,
        "crash-worker-" + run,
        partitions,
        creates,
        users);
  }

  void createTopics(Map<String, Object> kafka) {
    Topics.ensure(kafka, Map.of(commands, partitions, replies, 3, deadLetter, 1));
    Topics.ensureLedger(kafka, ledger, partitions, Duration.ofDays(7));
  }

  /** The transaction IDs, in sending order. */
  List<String> transactionIds() {
    return IntStream.range(0, creates).mapToObj(i -> commands + "-tx-" + i).toList();
  }

  /** Sends every create and waits for the broker's acknowledgement. */
  void sendCreates(Map<String, Object> kafka) {
    Map<String, Object> settings = new HashMap<>(kafka);
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    List<String> ids = transactionIds();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < ids.size(); i++) {
        producer.send(new ProducerRecord<>(commands, ids.get(i), create(i % users)));
      }
      producer.flush();
    }
  }

  /**
   * Worker settings: the ledger on (unfinished creates called again, the default), no client-side
   * rate limit, the group's default session timeout (45 s) and protocol (classic). Seeds the
   * scenario's users in the simulator.
   */
  Map<String, String> workerSettings(String bootstrapServers, PingOneSimulator simulator) {
    // The simulator is a strict tenant: the scenario's users exist because they are seeded.
    List<String> userIds = new ArrayList<>();
    for (int user = 0; user < users; user++) {
      userIds.add(Commands.user(user));
    }
    simulator.addUsers(Commands.ENV, userIds);
    return SimulatedPingOne.workerSettings(simulator, SimulatorSettings.defaults(), Commands.ENV)
        .kafka(bootstrapServers)
        .group(group)
        .topics(commands, replies, deadLetter, ledger)
        .set("worker.ledger.enabled", "true")
        .set("worker.max.in-flight", Integer.toString(MAX_IN_FLIGHT))
        .set("pingone.rate.limit", "0")
        .metricsPort(0)
        .toMap();
  }

  private static String create(int user) {
    return "{\"op\":\"create\",\"environmentId\":\""
        + Commands.ENV
        + "\",\"userId\":\""
        + Commands.user(user)
        + "\"}";
  }
}
