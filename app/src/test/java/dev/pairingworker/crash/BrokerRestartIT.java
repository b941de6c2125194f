package dev.pairingworker.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.pairingworker.broker.EmbeddedKafkaBroker;
import dev.pairingworker.crash.TopicSnapshot.ReplySeen;
import dev.pairingworker.simulator.LatencyModel;
import dev.pairingworker.simulator.PingOneSimulator;
import dev.pairingworker.simulator.RecordedRequest;
import dev.pairingworker.simulator.SimulatorSettings;
import dev.pairingworker.support.ForkedWorker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, broker restart: mid-run the only broker stops, stays down a few seconds and starts again
 * on the same data directory and ports; the worker process must carry on by itself.
 *
 * <p>It needs a broker this test can stop, so it runs its own in-process KRaft broker, not the
 * shared {@code TestKafka} one; with {@code -Dtest.kafka=container} (Docker forced) it is skipped.
 */
class BrokerRestartIT {
  private static final int CREATES = 3_000;
  private static final int USERS = 1_000;
  private static final int PARTITIONS = 6;
  private static final Duration PHASE = Duration.ofSeconds(90);
  private static final Random RANDOM = new Random();

  @TempDir Path dir;

  @Test
  void workerRecoversByItselfFromABrokerRestartAndAnswersEveryTransactionOnce() throws Exception {
    assumeFalse(
        "container".equals(System.getProperty("test.kafka")),
        "needs an embedded broker it can stop and restart");
    EmbeddedKafkaBroker broker =
        new EmbeddedKafkaBroker(dir.resolve("kafka"), freePort(), freePort()).start();
    Map<String, Object> kafka = Map.of("bootstrap.servers", broker.bootstrapServers());
    CrashScenario scenario = CrashScenario.fresh(PARTITIONS, CREATES, USERS);
    scenario.createTopics(kafka);
    scenario.sendCreates(kafka);
    try (PingOneSimulator simulator =
            PingOneSimulator.start(
                SimulatorSettings.defaults()
                    .withLatency(LatencyModel.fixed(Duration.ofMillis(20))));
        ReplyCounter counter = new ReplyCounter(kafka, scenario.replies());
        ForkedWorker worker =
            ForkedWorker.start(
                ForkedWorker.writeConfig(
                    dir.resolve("worker.properties"),
                    shortSession(scenario.workerSettings(broker.bootstrapServers(), simulator))),
                ForkedWorker.logFile("BrokerRestartIT"))) {
      await("replies for 40 % of the transactions")
          .atMost(PHASE)
          .pollInterval(Duration.ofMillis(10))
          .until(() -> counter.answered() >= CREATES * 4 / 10);

      broker.close();
      long stopped = System.nanoTime();
      int answeredAtStop = counter.answered();
      // Down longer than the consumer session (6 s), and until the worker has stopped calling
      // PingOne: a create waits for its STARTED ledger entry to be acknowledged first.
      await("the worker to stop calling PingOne while the broker is down")
          .pollDelay(Duration.ofSeconds(7))
          .atMost(PHASE)
          .until(() -> lastApiRequest(simulator).isBefore(Instant.now().minusSeconds(2)));
      int requestsWhileDown = simulator.requests().size();
      broker.start();
      long restarted = System.nanoTime();
      long downMs = (restarted - stopped) / 1_000_000;
      await("the first reply after the restart")
          .atMost(PHASE)
          .pollInterval(Duration.ofMillis(10))
          .until(() -> counter.answered() > answeredAtStop);
      long recoveryMs = (System.nanoTime() - restarted) / 1_000_000;
      await("a reply for every transaction")
          .atMost(PHASE)
          .until(() -> counter.answered() == CREATES);
      long allAnsweredMs = (System.nanoTime() - restarted) / 1_000_000;
      await("every command committed")
          .atMost(PHASE)
          .until(
              () ->
                  GroupProgress.lag(kafka, scenario.group(), scenario.commands(), PARTITIONS) == 0);
      assertThat(worker.isAlive()).as("the worker ran through the outage").isTrue();
      worker.terminate();
      assertThat(worker.awaitExit(Duration.ofSeconds(60))).isZero();

      List<ReplySeen> replies = TopicSnapshot.replies(kafka, scenario.replies());
      Map<String, Long> creates = SimulatedCreates.perTransaction(simulator.requests());
      System.out.printf(
          "BrokerRestartIT: broker stopped at %d of %d replies, down %d ms; %d API requests before"
              + " the restart; first reply %d ms after the restart, all %d ms after; reply records: %d"
              + " (%d replays, %d OUTCOME_UNKNOWN); transactions created twice: %d%n",
          answeredAtStop,
          CREATES,
          downMs,
          requestsWhileDown,
          recoveryMs,
          allAnsweredMs,
          replies.size(),
          replies.stream().filter(ReplySeen::replay).count(),
          replies.stream().filter(ReplySeen::outcomeUnknown).count(),
          SimulatedCreates.duplicated(creates).size());
      assertThat(replies.stream().map(ReplySeen::transactionId).collect(Collectors.toSet()))
          .as("every transaction has a reply")
          .containsExactlyInAnyOrderElementsOf(scenario.transactionIds());
      assertThat(SimulatedCreates.duplicated(creates))
          .as("transactions PingOne created a key for twice")
          .isEmpty();
      assertThat(replies).extracting(ReplySeen::status).containsOnly("SUCCEEDED");
    } finally {
      broker.close();
    }
  }

  private static Instant lastApiRequest(PingOneSimulator simulator) {
    return simulator.requests().stream()
        .filter(r -> !r.isTokenRequest())
        .map(RecordedRequest::receivedAt)
        .max(Instant::compareTo)
        .orElse(Instant.MIN);
  }

  /**
   * A free port below Linux's ephemeral range (32768–60999): while the broker is down its ports are
   * free, and an ephemeral one could meanwhile be taken by any outgoing connection on the machine.
   */
  private static int freePort() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = 20_000 + RANDOM.nextInt(12_000);
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IllegalStateException("no free port between 20000 and 32000");
  }

  /**
   * A consumer session of 6 s (the broker's minimum) instead of 45 s, so that the outage outlasts
   * it and the worker has to rejoin its group.
   */
  private static Map<String, String> shortSession(Map<String, String> settings) {
    Map<String, String> all = new java.util.HashMap<>(settings);
    all.put("kafka.session.timeout.ms", "6000");
    all.put("kafka.heartbeat.interval.ms", "1000");
    return all;
  }
}
