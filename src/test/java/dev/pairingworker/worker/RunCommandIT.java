package dev.pairingworker.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pairingworker.client.CommandClient;
import dev.pairingworker.kafka.Topics;
import dev.pairingworker.simulator.LatencyModel;
import dev.pairingworker.simulator.PingOneSimulator;
import dev.pairingworker.simulator.SimulatorSettings;
import dev.pairingworker.support.TestKafka;
import dev.pairingworker.support.WorkerFixture;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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

    Process process = start(config);

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = Files.readString(dir.resolve("worker.log"), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output).contains("pingone.client.id").doesNotContain("s3cret-value");
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
      Path config = dir.resolve("worker.properties");
      Files.writeString(
          config,
          String.join(
              "\n",
              "kafka.bootstrap.servers=" + TestKafka.bootstrapServers(),
              "worker.group.id=" + group,
              "worker.topic.commands=" + commands,
              "worker.topic.replies=" + replies,
              "worker.max.in-flight=4",
              "pingone.api.url=" + sim.apiBaseUrl(),
              "pingone.auth.url=" + sim.authBaseUrl(),
              "pingone.environment.id=" + WorkerFixture.ENV,
              "pingone.client.id=simulator-client",
              "pingone.client.secret=simulator-secret",
              "metrics.port=0",
              ""));
      Process process = start(config);
      int total = 40;
      for (int i = 0; i < total; i++) {
        client.send("run-" + i, create(UUID.randomUUID().toString()), Map.of()).get();
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> sim.requests().size() > 4);

      process.destroy(); // SIGTERM

      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isEqualTo(0);
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

  private static String create(String user) {
    return "{\"op\":\"create\",\"environmentId\":\""
        + WorkerFixture.ENV
        + "\",\"userId\":\""
        + user
        + "\"}";
  }

  private Process start(Path config) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "dev.pairingworker.cli.Main",
            "run",
            "--config",
            config.toString());
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("worker.log").toFile())
        .directory(new File("."))
        .start();
  }
}
