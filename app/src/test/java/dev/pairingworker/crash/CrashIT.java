package dev.pairingworker.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pairingworker.crash.TopicSnapshot.ReplySeen;
import dev.pairingworker.simulator.LatencyModel;
import dev.pairingworker.simulator.PingOneSimulator;
import dev.pairingworker.simulator.SimulatorSettings;
import dev.pairingworker.support.ForkedWorker;
import dev.pairingworker.support.GroupProtocols;
import dev.pairingworker.support.TestKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 5, crash safety: the worker (an OS process, ledger on) is killed with SIGKILL at about 30 %
 * and 60 % of the replies and restarted each time; the broker and the simulator run in this JVM.
 * Issue 13: under both group protocols, and with static membership ({@code worker.instance.id}) the
 * restarted process answers within 10 s of its start ({@link RestartSpeed}).
 */
class CrashIT {
  private static final int CREATES = 3_000;
  private static final int USERS = 1_000;
  private static final int PARTITIONS = 6;
  private static final Duration LATENCY = Duration.ofMillis(20);
  private static final Duration PHASE = Duration.ofSeconds(90);
  private static final String INSTANCE_ID = "crash-worker-0";

  /** The JVM options of bin/pairing-worker and the image (config/jvm.options): as deployed. */
  private static final List<String> README_JVM_OPTIONS = ForkedWorker.documentedJvmOptions();

  @TempDir Path dir;

  /**
   * What the topics and PingOne held when a worker had just been killed.
   *
   * @param answeredBefore transactions with a reply on the reply topic
   * @param unfinished transactions whose last ledger entry is STARTED: the worker had recorded the
   *     start of the create but not its end
   * @param onTheWire those of {@code unfinished} whose create reached PingOne: the calls in flight
   *     (or answered, their end not yet recorded); at most these can be created twice
   */
  record Kill(
      int answered, Set<String> answeredBefore, Set<String> unfinished, Set<String> onTheWire) {
    static Kill read(
        Map<String, Object> kafka, CrashScenario scenario, PingOneSimulator sim, int answered) {
      Set<String> unfinished = TopicSnapshot.unfinished(kafka, scenario.ledger());
      Set<String> onTheWire = new HashSet<>(SimulatedCreates.requested(sim.requests()));
      onTheWire.retainAll(unfinished);
      return new Kill(
          answered, TopicSnapshot.answered(kafka, scenario.replies()), unfinished, onTheWire);
    }
  }

  /**
   * Each guarantee once and each group protocol once (a run takes about 100 s, the full product
   * would double that): at-least-once under the classic protocol, the defaults most workers run
   * with, and exactly-once under the consumer protocol, the newest pairing (transactional offset
   * commits with KIP-848 member epochs, a dead predecessor removed before joining). {@code
   * ExactlyOnceIT} kills an exactly-once worker twice under each protocol, and {@code
   * StaticMembershipIT} covers both protocols' membership in-process.
   */
  static Stream<Arguments> guaranteesAndProtocols() {
    return Stream.of(
        Arguments.of("at_least_once", GroupProtocol.CLASSIC),
        Arguments.of("exactly_once", GroupProtocol.CONSUMER));
  }

  @ParameterizedTest(name = "worker.processing.guarantee={0}, kafka.group.protocol={1}")
  @MethodSource("guaranteesAndProtocols")
  void killedTwiceEveryTransactionIsAnsweredAndNoAnsweredCreateRanTwice(
      String guarantee, GroupProtocol protocol) throws Exception {
    Map<String, Object> kafka = TestKafka.clientSettings();
    CrashScenario scenario = CrashScenario.fresh(PARTITIONS, CREATES, USERS);
    scenario.createTopics(kafka);
    scenario.sendCreates(kafka);
    List<Kill> kills = new ArrayList<>();
    RestartSpeed restarts = new RestartSpeed();
    try (PingOneSimulator simulator =
            PingOneSimulator.start(
                SimulatorSettings.defaults().withLatency(LatencyModel.fixed(LATENCY)));
        ReplyCounter counter = new ReplyCounter(kafka, scenario.replies())) {
      Path config =
          ForkedWorker.writeConfig(
              dir.resolve("worker.properties"),
              settings(
                  scenario.workerSettings(TestKafka.bootstrapServers(), simulator),
                  guarantee,
                  protocol));
      Path log = ForkedWorker.logFile("CrashIT-" + guarantee + "-" + GroupProtocols.name(protocol));
      ForkedWorker worker = ForkedWorker.start(config, log, README_JVM_OPTIONS);
      try {
        for (double share : List.of(0.3, 0.6)) {
          int target = (int) (CREATES * share);
          await("replies for " + target + " transactions")
              .atMost(PHASE)
              .pollInterval(Duration.ofMillis(10))
              .until(() -> counter.answered() >= target);
          assertThat(worker.kill()).as("exit status after SIGKILL").isEqualTo(ForkedWorker.KILLED);
          kills.add(Kill.read(kafka, scenario, simulator, counter.answered()));
          restarts.restarting();
          worker = ForkedWorker.start(config, log, README_JVM_OPTIONS);
          if (share == 0.3) {
            GroupProtocols.assertGroupUses(protocol, scenario.group());
          }
        }
        await("a reply for every transaction")
            .atMost(PHASE)
            .until(() -> counter.answered() == CREATES);
        await("every command committed")
            .atMost(PHASE)
            .until(
                () ->
                    GroupProgress.lag(kafka, scenario.group(), scenario.commands(), PARTITIONS)
                        == 0);
        worker.terminate();
        assertThat(worker.awaitExit(Duration.ofSeconds(60))).isZero();
      } finally {
        worker.close();
      }
      List<ReplySeen> replies = TopicSnapshot.replies(kafka, scenario.replies());
      check(scenario, kills, replies, simulator);
      restarts.check(counter);
      if (guarantee.equals("exactly_once")) {
        // Every reply, replays included, is committed with its record's offset: a read_committed
        // reader sees one per transaction ID across both kills.
        assertThat(
                replies.stream()
                    .collect(
                        Collectors.groupingBy(ReplySeen::transactionId, Collectors.counting())))
            .as("committed replies per transaction ID under exactly-once")
            .hasSize(CREATES)
            .allSatisfy((tx, count) -> assertThat(count).as(tx).isEqualTo(1L));
      }
    }
  }

  /**
   * The scenario's settings under {@code guarantee} and {@code protocol}, with a stable {@code
   * worker.instance.id} (static membership): the restarted process takes its killed predecessor's
   * place in the group at once instead of waiting for its session (45 s) to expire.
   */
  private static Map<String, String> settings(
      Map<String, String> settings, String guarantee, GroupProtocol protocol) {
    Map<String, String> all = GroupProtocols.with(protocol, settings);
    all.put("worker.processing.guarantee", guarantee);
    all.put("worker.instance.id", INSTANCE_ID);
    return all;
  }

  private static void check(
      CrashScenario scenario, List<Kill> kills, List<ReplySeen> replies, PingOneSimulator sim) {
    Map<String, Long> creates = SimulatedCreates.perTransaction(sim.requests());
    List<String> duplicated = SimulatedCreates.duplicated(creates);
    Set<String> unfinished = new HashSet<>();
    kills.forEach(k -> unfinished.addAll(k.unfinished()));
    int callsInFlight = kills.stream().mapToInt(k -> k.onTheWire().size()).sum();
    Set<String> outcomeUnknown =
        replies.stream()
            .filter(ReplySeen::outcomeUnknown)
            .map(ReplySeen::transactionId)
            .collect(Collectors.toSet());
    int ambiguousAttempts =
        replies.stream().filter(r -> !r.replay()).mapToInt(ReplySeen::ambiguousAttempts).sum();
    System.out.printf(
        "CrashIT: %d creates; killed at %s replies; ledger STARTED without COMPLETED at the kills:"
            + " %s; of those, creates that had reached PingOne (calls in flight): %s; transactions"
            + " created twice: %d (%s per kill); answered OUTCOME_UNKNOWN: %d; ambiguousAttempts in"
            + " the replies: %d; reply records: %d (%d replays)%n",
        CREATES,
        kills.stream().map(Kill::answered).toList(),
        kills.stream().map(k -> k.unfinished().size()).toList(),
        kills.stream().map(k -> k.onTheWire().size()).toList(),
        duplicated.size(),
        kills.stream().map(k -> duplicatedAt(k, duplicated)).toList(),
        outcomeUnknown.size(),
        ambiguousAttempts,
        replies.size(),
        replies.stream().filter(ReplySeen::replay).count());

    assertThat(replies.stream().map(ReplySeen::transactionId).collect(Collectors.toSet()))
        .as("(a) every transaction has a reply")
        .containsExactlyInAnyOrderElementsOf(scenario.transactionIds());
    Set<String> unfinishedSoFar = new HashSet<>();
    for (Kill kill : kills) {
      // (filtered rather than doesNotContainAnyElementsOf, which refuses an empty set: a kill may
      // find no create unfinished, e.g. when an exactly-once transaction with them was aborted)
      assertThat(kill.answeredBefore())
          .as("a reply is published only once its COMPLETED entry is acknowledged")
          .filteredOn(kill.unfinished()::contains)
          .isEmpty();
      unfinishedSoFar.addAll(kill.unfinished());
      for (String tx : kill.answeredBefore()) {
        if (!unfinishedSoFar.contains(tx)) { // else an earlier kill may have cost a second key
          assertThat(creates.getOrDefault(tx, 0L))
              .as("(b) creates of %s, answered before a kill", tx)
              .isLessThanOrEqualTo(1);
        }
      }
    }
    for (Kill kill : kills) {
      assertThat(kill.unfinished())
          .as(
              "STARTED without COMPLETED at a kill: only creates holding one of the %d call slots,"
                  + " or whose reply was being recorded",
              CrashScenario.MAX_IN_FLIGHT)
          .hasSizeLessThanOrEqualTo(2 * CrashScenario.MAX_IN_FLIGHT);
    }
    for (Kill kill : kills) {
      assertThat(duplicatedAt(kill, duplicated))
          .as("(c) transactions unfinished at a kill created twice: at most its calls in flight")
          .isLessThanOrEqualTo(kill.onTheWire().size());
    }
    assertThat(duplicated)
        .as("(c) only transactions unfinished at a kill are created twice")
        .isSubsetOf(unfinished)
        .hasSizeLessThanOrEqualTo(callsInFlight);
    assertThat(replies)
        .as("every reply SUCCEEDED: an unfinished create is called again (the default)")
        .extracting(ReplySeen::status)
        .containsOnly("SUCCEEDED");
    assertThat(outcomeUnknown).isEmpty();
    // A replay counts too: the reply that first carried the count may never have been published
    // (killed after COMPLETED was recorded, before the reply went out, or its transaction aborted
    // under exactly-once), and the replay repeats the recorded reply with its count.
    Set<String> counted =
        replies.stream()
            .filter(r -> r.ambiguousAttempts() > 0)
            .map(ReplySeen::transactionId)
            .collect(Collectors.toSet());
    assertThat(counted)
        .as("the created-twice transactions report their ambiguous attempt")
        .containsAll(duplicated);
  }

  private static long duplicatedAt(Kill kill, List<String> duplicated) {
    return duplicated.stream().filter(kill.unfinished()::contains).count();
  }
}
