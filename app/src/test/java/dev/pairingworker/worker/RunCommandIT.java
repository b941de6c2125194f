package dev.pairingworker.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pairingworker.bench.PrometheusText;
import dev.pairingworker.client.CommandClient;
import dev.pairingworker.kafka.Topics;
import dev.pairingworker.simulator.LatencyModel;
import dev.pairingworker.simulator.PingOneSimulator;
import dev.pairingworker.simulator.SimulatorSettings;
import dev.pairingworker.support.ForkedWorker;
import dev.pairingworker.support.TestKafka;
import dev.pairingworker.support.WorkerFixture;
import dev.pairingworker.testkit.SimulatedPingOne;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code run} command as an operating system process. */
class RunCommandIT {
  @TempDir Path dir;

  @Test
  void startUpFailsFastNamingTheMissingKey() throws Exception {
    Path config = dir.resolve("worker.properties");
    Files.writeString(
        config,
        "pingone.environment.id=" + WorkerFixture.ENV + "\npingone.client.secret=s3cret-value\n");

    try (ForkedWorker process = ForkedWorker.start(config, dir.resolve("worker.log"))) {
      assertThat(process.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
      assertThat(process.output()).contains("pingone.client.id").doesNotContain("s3cret-value");
    }
  }

  @Test
  void sigtermFinishesInFlightCommandsCommitsAndExitsZero() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String commands = "run-commands-" + run;
    String replies = "run-replies-" + run;
    String group = "run-group-" + run;
    Topics.ensure(TestKafka.clientSettings(), Map.of(commands, 1, replies, 1));
    try (PingOneSimulator sim =
            PingOneSimulator.start(
                SimulatorSettings.defaults()
                    .withLatency(LatencyModel.fixed(Duration.ofMillis(400))));
        CommandClient client = new CommandClient(TestKafka.clientSettings(), commands, replies)) {
      client.awaitListening(Duration.ofSeconds(30));
      Path config = writeConfig(sim, group, commands, replies, Map.of("worker.max.in-flight", "4"));
      ForkedWorker process = ForkedWorker.start(config, dir.resolve("worker.log"));
      int total = 40;
      for (int i = 0; i < total; i++) {
        client.send("run-" + i, create(sim, UUID.randomUUID().toString()), Map.of()).get();
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> sim.requests().size() > 4);

      process.terminate();

      assertThat(process.awaitExit(Duration.ofSeconds(60))).isEqualTo(0);
      long committed = committedOffset(group, new TopicPartition(commands, 0));
      assertThat(committed)
          .as("the stop abandoned commands that had not started")
          .isGreaterThan(0)
          .isLessThan(total);
      for (int i = 0; i < committed; i++) {
        assertThat(client.reply("run-" + i).get(10, TimeUnit.SECONDS))
            .as("reply to run-" + i)
            .isNotNull();
      }
      List<String> reachedPingOne =
          sim.requests().stream()
              .filter(r -> !r.isTokenRequest())
              .map(r -> r.transactionId())
              .toList();
      for (String key : reachedPingOne) {
        assertThat(client.reply(key).get(10, TimeUnit.SECONDS))
            .as("a call on the wire is finished and answered: " + key)
            .isNotNull();
      }
    }
  }

  /**
   * On one or two CPUs the common pool's default parallelism is 1, where the JDK's HTTP client
   * hands every response to a new thread ({@link CommonPool}): the worker must not start a thread
   * per command. The child JVM is told it has two CPUs, so this fails without the fix on any
   * machine.
   */
  @Test
  void commandsDoNotStartAThreadEachOnTwoCpus() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String commands = "threads-commands-" + run;
    String replies = "threads-replies-" + run;
    Topics.ensure(TestKafka.clientSettings(), Map.of(commands, 1, replies, 1));
    try (PingOneSimulator sim =
            PingOneSimulator.start(
                SimulatorSettings.defaults().withLatency(LatencyModel.fixed(Duration.ZERO)));
        CommandClient client = new CommandClient(TestKafka.clientSettings(), commands, replies)) {
      client.awaitListening(Duration.ofSeconds(30));
      Path config =
          writeConfig(
              sim,
              "threads-group-" + run,
              commands,
              replies,
              // as fast as the machine goes: many responses in a short time
              Map.of("worker.topic.ledger", "threads-ledger-" + run, "pingone.rate.limit", "0"));
      try (ForkedWorker process =
          ForkedWorker.start(
              config,
              ForkedWorker.logFile("run-command-threads"),
              List.of("-XX:ActiveProcessorCount=2"))) {
        int total = 600;
        for (int i = 0; i < total; i++) {
          client.send("threads-" + i, create(sim, UUID.randomUUID().toString()), Map.of());
        }
        for (int i = 0; i < total; i++) {
          assertThat(client.reply("threads-" + i).get(120, TimeUnit.SECONDS))
              .as("reply to threads-%d (worker log: target/worker-logs)", i)
              .isNotNull();
        }
        double started =
            PrometheusText.sum(metrics(process), "jvm_threads_started_threads_total", Map.of());

        assertThat(started)
            .as("threads the worker started in all, for %d commands", total)
            .isLessThan(total / 2.0);
        assertThat(process.output()).doesNotContain("new thread for every PingOne response");
        process.terminate();
        assertThat(process.awaitExit(Duration.ofSeconds(60))).isEqualTo(0);
      }
    }
  }

  /** The worker's configuration file: these topics and group, the simulator, and {@code more}. */
  private Path writeConfig(
      PingOneSimulator sim,
      String group,
      String commands,
      String replies,
      Map<String, String> more) {
    return ForkedWorker.writeConfig(
        dir.resolve("worker.properties"),
        SimulatedPingOne.workerSettings(sim, SimulatorSettings.defaults(), WorkerFixture.ENV)
            .kafka(TestKafka.bootstrapServers())
            .group(group)
            .topics(commands, replies)
            .metricsPort(0)
            .setAll(more)
            .toMap());
  }

  private static String metrics(ForkedWorker process) throws Exception {
    Pattern url = Pattern.compile("metrics on (http://localhost:\\d+/metrics)");
    Matcher found = url.matcher("");
    await().atMost(Duration.ofSeconds(60)).until(() -> found.reset(process.output()).find());
    HttpClient http = HttpClient.newHttpClient();
    return http.send(
            HttpRequest.newBuilder(URI.create(found.group(1))).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static long committedOffset(String group, TopicPartition tp) throws Exception {
    try (Admin admin = Admin.create(TestKafka.clientSettings())) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(30, TimeUnit.SECONDS);
      OffsetAndMetadata om = offsets.get(tp);
      return om == null ? 0 : om.offset();
    }
  }

  /** A create command for a user seeded in the (strict) simulator. */
  private static String create(PingOneSimulator sim, String user) {
    sim.addUsers(WorkerFixture.ENV, List.of(user));
    return "{\"op\":\"create\",\"environmentId\":\""
        + WorkerFixture.ENV
        + "\",\"userId\":\""
        + user
        + "\"}";
  }
}
