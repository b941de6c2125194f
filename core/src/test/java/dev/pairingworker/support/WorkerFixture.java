package dev.pairingworker.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairingworker.client.CommandClient;
import dev.pairingworker.command.Json;
import dev.pairingworker.config.WorkerConfig;
import dev.pairingworker.kafka.Topics;
import dev.pairingworker.simulator.PingOneSimulator;
import dev.pairingworker.simulator.RecordedRequest;
import dev.pairingworker.simulator.SimulatorSettings;
import dev.pairingworker.testkit.SimulatedPingOne;
import dev.pairingworker.worker.Worker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A worker on fresh topics of the shared test broker, talking to its own in-process simulator, with
 * a client that sends commands and awaits replies. Nothing is mocked.
 */
public final class WorkerFixture implements AutoCloseable {
  public static final String ENV = Commands.ENV;
  private static final java.util.regex.Pattern LOWERCASE_UUID =
      java.util.regex.Pattern.compile(
          "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  public final String commands;
  public final String replies;
  public final String deadLetter;

  /**
   * The ledger topic (co-partitioned with {@link #commands}); the worker creates it on its first
   * assignment unless a test made it first.
   */
  public final String ledger;

  public final PingOneSimulator simulator;
  public final Worker worker;
  public final CommandClient client;
  private final ObjectMapper json = Json.mapper();
  private final Map<String, String> settings;

  private WorkerFixture(
      SimulatorSettings simulatorSettings, Map<String, String> extra, int partitions) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    commands = "commands-" + run;
    replies = "replies-" + run;
    deadLetter = "dead-letter-" + run;
    ledger = extra.getOrDefault("worker.topic.ledger", "ledger-" + run);
    Topics.ensure(
        TestKafka.clientSettings(), Map.of(commands, partitions, replies, 2, deadLetter, 1));
    try {
      simulator = PingOneSimulator.start(simulatorSettings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.settings =
        Map.copyOf(
            SimulatedPingOne.workerSettings(simulator, simulatorSettings, ENV)
                .kafka(TestKafka.bootstrapServers())
                .group("worker-" + run)
                .topics(commands, replies, deadLetter, ledger)
                .metricsPort(0)
                .setAll(extra)
                .toMap());
    worker = Worker.start(WorkerConfig.of(settings));
    client = new CommandClient(TestKafka.clientSettings(), commands, replies);
    try {
      client.awaitListening(Duration.ofSeconds(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static WorkerFixture start() {
    return start(s -> s, Map.of());
  }

  public static WorkerFixture start(
      UnaryOperator<SimulatorSettings> simulator, Map<String, String> workerSettings) {
    return start(simulator, workerSettings, 1);
  }

  public static WorkerFixture start(
      UnaryOperator<SimulatorSettings> simulator,
      Map<String, String> workerSettings,
      int partitions) {
    return new WorkerFixture(
        simulator.apply(SimulatorSettings.defaults()), workerSettings, partitions);
  }

  /** The worker's configuration, resolved again from the same settings. */
  public WorkerConfig config() {
    return WorkerConfig.of(settings);
  }

  public String groupId() {
    return settings.get("worker.group.id");
  }

  /**
   * Starts one more worker in the same consumer group, with the same settings. Close it yourself.
   */
  public Worker startAnotherWorker() {
    return Worker.start(WorkerConfig.of(settings));
  }

  /** Starts one more worker in the same consumer group, with some settings changed. */
  public Worker startAnotherWorker(Map<String, String> overrides) {
    Map<String, String> changed = new HashMap<>(settings);
    changed.putAll(overrides);
    return Worker.start(WorkerConfig.of(changed));
  }

  /** The worker's settings as key → text, to start it elsewhere (e.g. as a process). */
  public Map<String, String> settings() {
    return settings;
  }

  /** Every reply record with this key on the default reply topic so far. */
  public List<ConsumerRecord<byte[], byte[]>> allReplies(String key) {
    return allReplies().stream()
        .filter(r -> r.key() != null && key.equals(new String(r.key(), StandardCharsets.UTF_8)))
        .toList();
  }

  /** Sends a command and returns its reply record. */
  public ConsumerRecord<byte[], byte[]> call(String key, String value, Map<String, String> headers)
      throws Exception {
    client.send(key, value, headers).get(30, TimeUnit.SECONDS);
    return client.reply(key).get(30, TimeUnit.SECONDS);
  }

  public JsonNode callJson(String key, String value) throws Exception {
    return json(call(key, value, Map.of()));
  }

  /** The reply's JSON, after checking it against the published reply schema. */
  public JsonNode json(ConsumerRecord<byte[], byte[]> record) {
    Schemas.assertValidReply(new String(record.value(), java.nio.charset.StandardCharsets.UTF_8));
    try {
      return json.readTree(record.value());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every reply record on the default reply topic so far, read from the beginning to the end. */
  public List<ConsumerRecord<byte[], byte[]>> allReplies() {
    return TopicRecords.uncommitted(TestKafka.clientSettings(), replies);
  }

  /** PingOne API requests (not token requests) the simulator received. */
  public List<RecordedRequest> apiRequests() {
    return simulator.requests().stream().filter(r -> !r.isTokenRequest()).toList();
  }

  /**
   * Reads the dead-letter topic from the beginning until {@code count} records matching {@code
   * filter} arrived.
   */
  public List<ConsumerRecord<byte[], byte[]>> deadLetters(
      java.util.function.Predicate<ConsumerRecord<byte[], byte[]>> filter, int count) {
    Map<String, Object> settings = new HashMap<>(TestKafka.clientSettings());
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition tp = new TopicPartition(deadLetter, 0);
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (out.size() < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (filter.test(record)) {
            out.add(record);
          }
        }
      }
      return out;
    }
  }

  /**
   * The users exist in the simulated tenant from now on: it is strict, so a command for a user it
   * does not know is answered 404. The command builders below seed their user; a malformed id (a
   * test of the worker's own rejection) is no user and is left out.
   */
  public void seedUsers(String... users) {
    simulator.addUsers(
        ENV,
        java.util.Arrays.stream(users).filter(u -> LOWERCASE_UUID.matcher(u).matches()).toList());
  }

  public String get(String user, String keyId) {
    seedUsers(user);
    return "{\"op\":\"get\",\"environmentId\":\""
        + ENV
        + "\",\"userId\":\""
        + user
        + "\",\"pairingKeyId\":\""
        + keyId
        + "\"}";
  }

  public String delete(String user, String keyId) {
    return get(user, keyId).replace("\"op\":\"get\"", "\"op\":\"delete\"");
  }

  public String create(String user) {
    seedUsers(user);
    return "{\"op\":\"create\",\"environmentId\":\"" + ENV + "\",\"userId\":\"" + user + "\"}";
  }

  @Override
  public void close() {
    client.close();
    worker.close();
    simulator.close();
  }
}
