package dev.pairingworker.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

  private BenchOptions with(double produceRate, WorkerProcessOptions workerProcess) {
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
        d.warmup(),
        produceRate,
        workerProcess);
  }
}
