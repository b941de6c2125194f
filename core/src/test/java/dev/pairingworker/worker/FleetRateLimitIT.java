package dev.pairingworker.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pairingworker.support.WorkerFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * {@code pingone.rate.limit} is the budget of the whole consumer group: each worker paces at the
 * share of the commands topic's partitions it owns, recomputed at every rebalance, so the fleet's
 * pace stays at the limit as workers join and leave.
 */
class FleetRateLimitIT {
  private static final int PARTITIONS = 12;
  private static final double LIMIT = 300;
  private static final double PACE = LIMIT * 0.98; // RateLimitSettings.forPingOneLimit
  private static final Duration REBALANCED = Duration.ofSeconds(60);
  private static final Offset<Double> NEAR = Offset.offset(1e-6);

  @Test
  void theWorkersOfAGroupShareTheLimitByThePartitionsTheyOwn() throws Exception {
    try (WorkerFixture fx =
        WorkerFixture.start(s -> s, Map.of("pingone.rate.limit", "300"), PARTITIONS)) {
      await().atMost(REBALANCED).until(() -> ownedBy(fx.worker) == PARTITIONS);
      assertThat(paceOf(fx.worker)).isCloseTo(PACE, NEAR);

      try (Worker second = fx.startAnotherWorker()) {
        Worker third = fx.startAnotherWorker();
        List<Worker> fleet = List.of(fx.worker, second, third);
        await()
            .atMost(REBALANCED)
            .untilAsserted(
                () -> {
                  for (Worker w : fleet) {
                    assertThat(paceOf(w)).isCloseTo(PACE * ownedBy(w) / PARTITIONS, NEAR);
                    assertThat(ownedBy(w)).isPositive();
                  }
                  assertThat(fleet.stream().mapToInt(FleetRateLimitIT::ownedBy).sum())
                      .isEqualTo(PARTITIONS);
                });
        assertThat(fleet.stream().mapToDouble(FleetRateLimitIT::paceOf).sum())
            .isCloseTo(PACE, NEAR);

        third.stop(); // leaves the group; its partitions go to the others
        assertThat(third.awaitStopped(REBALANCED)).isTrue();
        List<Worker> rest = List.of(fx.worker, second);
        await()
            .atMost(REBALANCED)
            .untilAsserted(
                () -> {
                  assertThat(rest.stream().mapToInt(FleetRateLimitIT::ownedBy).sum())
                      .isEqualTo(PARTITIONS);
                  for (Worker w : rest) {
                    assertThat(paceOf(w)).isCloseTo(PACE * ownedBy(w) / PARTITIONS, NEAR);
                  }
                });
      }
    }
  }

  @Test
  void withWorkerScopeEveryWorkerPacesAtTheWholeLimit() throws Exception {
    Map<String, String> settings =
        Map.of("pingone.rate.limit", "300", "pingone.rate.limit.scope", "worker");
    try (WorkerFixture fx = WorkerFixture.start(s -> s, settings, PARTITIONS);
        Worker second = fx.startAnotherWorker()) {
      await().atMost(REBALANCED).until(() -> ownedBy(fx.worker) > 0 && ownedBy(second) > 0);
      assertThat(paceOf(fx.worker)).isCloseTo(PACE, NEAR);
      assertThat(paceOf(second)).isCloseTo(PACE, NEAR);
    }
  }

  private static double paceOf(Worker worker) {
    return worker.metrics().registry().get("pairing_worker.pingone.rate_limit").gauge().value();
  }

  private static int ownedBy(Worker worker) {
    return worker.assignedPartitions();
  }
}
