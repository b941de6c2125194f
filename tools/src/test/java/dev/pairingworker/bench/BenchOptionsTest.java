package dev.pairingworker.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
  private final BenchOptions defaults = BenchOptions.defaults();

  @Test
  void theDefaultsWarmUpAThousandCommandsAndProduceAtOnce() {
    assertThat(defaults.warmup()).isEqualTo(10_000);
    assertThat(defaults.produceRate()).isZero();
    assertThat(defaults.workerProcess()).isNull();
  }

  @Test
  void aNegativeProduceRateIsRefusedByName() {
    assertThatThrownBy(() -> with(-1, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("produceRate must be 0 or a positive rate: -1.0");
  }

  @Test
  void aPacedLoadNeedsTheWorkerInThisJvm() {
    assertThatThrownBy(() -> with(100, WorkerProcessOptions.documented()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("produceRate needs the worker in this JVM: a worker process drains a backlog");
  }

  @Test
  void aWorkerProcessDrainsABacklogProducedAtOnce() {
    assertThat(with(0, new WorkerProcessOptions(false, List.of("-Xmx128m"), false)).workerProcess())
        .isNotNull();
  }

  @Test
  void aFleetNeedsAWorkerToLeaveAndAPartitionForEachWorker() {
    assertThatThrownBy(
            () ->
                new FleetOptions(
                    1, Duration.ofSeconds(20), Duration.ZERO, WorkerProcessOptions.documented()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fleet must have at least 2 workers (one leaves in phase B): 1");
    FleetOptions three =
        new FleetOptions(
            3,
            Duration.ofSeconds(20),
            Duration.ZERO,
            new WorkerProcessOptions(false, List.of("-Xmx96m"), false));
    assertThatThrownBy(() -> withFleet(2, three))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "partitions (2) must be at least the fleet's workers (3), or a worker owns none");
    assertThat(withFleet(12, three).fleet().launch().jvmOptions()).containsExactly("-Xmx96m");
  }

  private BenchOptions withFleet(int partitions, FleetOptions fleet) {
    BenchOptions d = defaults;
    return new BenchOptions(
        d.commands(),
        d.users(),
        partitions,
        d.latency(),
        d.latencyP99(),
        d.simRateLimit(),
        d.faults(),
        d.inFlight(),
        d.rateLimit(),
        d.serialBaseline(),
        d.baselineCommands(),
        d.timeout(),
        d.seed(),
        d.warmup(),
        0,
        null,
        fleet,
        d.userRuns());
  }

  @Test
  void onlyAWorkerProcessMayRunWithoutWarmUp() {
    assertThat(with(0, 0, WorkerProcessOptions.documented()).warmup()).isZero();
    assertThatThrownBy(() -> with(0, 0, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("warmup must be at least 1: 0");
  }

  @Test
  void aWorkerProcessWarmUpRunHasTheWarmUpsCommandsAsManyPerUserAndNoWarmUpOrBaselineOfItsOwn() {
    BenchOptions warmUp = with(2_000, 0, WorkerProcessOptions.documented()).warmUpRun();

    assertThat(warmUp.commands()).isEqualTo(2_000);
    assertThat(warmUp.users()).isEqualTo(500); // 6,000 over 1,500: 4 each
    assertThat(warmUp.warmup()).isZero();
    assertThat(warmUp.serialBaseline()).isFalse();
    assertThat(warmUp.workerProcess()).isEqualTo(WorkerProcessOptions.documented());
  }

  private BenchOptions with(double produceRate, WorkerProcessOptions workerProcess) {
    return with(defaults.warmup(), produceRate, workerProcess);
  }

  private BenchOptions with(int warmup, double produceRate, WorkerProcessOptions workerProcess) {
    BenchOptions d = defaults;
    return new BenchOptions(
        d.commands(),
        d.users(),
        d.partitions(),
        d.latency(),
        d.latencyP99(),
        d.simRateLimit(),
        d.faults(),
        d.inFlight(),
        d.rateLimit(),
        d.serialBaseline(),
        d.baselineCommands(),
        d.timeout(),
        d.seed(),
        warmup,
        produceRate,
        workerProcess,
        null,
        d.userRuns());
  }
}
