package dev.pairingworker.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuUseTest {
  @Test
  void threadsBelongToTheirComponentByName() {
    assertThat(CpuUse.component("pingone-http")).isEqualTo(CpuUse.WORKER);
    assertThat(CpuUse.component("ForkJoinPool.commonPool-worker-1")).isEqualTo(CpuUse.WORKER);
    assertThat(CpuUse.component("kafka-producer-network-thread | pairing-worker-producer"))
        .isEqualTo(CpuUse.WORKER);
    assertThat(CpuUse.component("pingone-sim-http-3")).isEqualTo(CpuUse.SIMULATOR);
    assertThat(CpuUse.component("kafka-producer-network-thread | producer-2"))
        .isEqualTo(CpuUse.CLIENT);
    assertThat(CpuUse.component("reply-listener")).isEqualTo(CpuUse.CLIENT);
    assertThat(CpuUse.component("data-plane-kafka-request-handler-0")).isEqualTo(CpuUse.BROKER);
    assertThat(CpuUse.jvmComponent("C2 CompilerThre")).isEqualTo(CpuUse.JIT);
    assertThat(CpuUse.jvmComponent("GC Thread#0")).isEqualTo(CpuUse.GC);
    assertThat(CpuUse.jvmComponent("poll-loop")).isNull();
  }

  @Test
  void readsTheTimesOfAStatLine() {
    String stat =
        "4242 (C2 CompilerThre) S 1 4242 4242 0 -1 4194368 100 0 0 0 321 17 0 0 20 0 40 0 100"
            + " 1000 100";
    assertThat(CpuUse.kernelName(stat)).isEqualTo("C2 CompilerThre");
    assertThat(CpuUse.ticks(stat)).isEqualTo(338);
  }

  @Test
  void coresAreTheCpuTimeBetweenSnapshotsOverTheWallTime() {
    CpuUse.Snapshot before =
        new CpuUse.Snapshot(
            10_000_000_000L,
            Map.of(1L, 1_000_000_000L, 2L, 500_000_000L, 9L, 700_000_000L),
            Map.of(1L, "pingone-http", 2L, "pingone-sim-http-1", 9L, "serial-baseline"),
            Map.of(CpuUse.JIT, 2_000_000_000L));
    // two seconds later: thread 3 is new, thread 9 has ended
    CpuUse.Snapshot after =
        new CpuUse.Snapshot(
            14_000_000_000L,
            Map.of(1L, 2_000_000_000L, 2L, 1_000_000_000L, 3L, 400_000_000L),
            Map.of(1L, "pingone-http", 2L, "pingone-sim-http-1", 3L, "data-plane-kafka-network"),
            Map.of(CpuUse.JIT, 3_000_000_000L, CpuUse.GC, 200_000_000L));

    Map<String, Double> cores = CpuUse.cores(before, after, 2.0, -1);

    assertThat(cores.keySet()).containsSubsequence(CpuUse.COMPONENTS).endsWith("total");
    assertThat(cores.get(CpuUse.WORKER)).isCloseTo(0.5, within(1e-9));
    assertThat(cores.get(CpuUse.SIMULATOR)).isCloseTo(0.25, within(1e-9));
    assertThat(cores.get(CpuUse.BROKER)).isCloseTo(0.2, within(1e-9));
    assertThat(cores.get(CpuUse.JIT)).isCloseTo(0.5, within(1e-9));
    assertThat(cores.get(CpuUse.GC)).isCloseTo(0.1, within(1e-9));
    // the process used 4 s; the named threads 3.1 s
    assertThat(cores.get(CpuUse.ENDED)).isCloseTo(0.45, within(1e-9));
    assertThat(cores.get("total")).isCloseTo(2.0, within(1e-9));
  }

  @Test
  void aWorkerProcessCountsAsTheWorkerAndInTheTotal() {
    CpuUse.Snapshot before = new CpuUse.Snapshot(0, Map.of(), Map.of(), Map.of());
    CpuUse.Snapshot after =
        new CpuUse.Snapshot(
            1_000_000_000L, Map.of(1L, 600_000_000L), Map.of(1L, "pingone-sim-http-1"), Map.of());

    Map<String, Double> cores = CpuUse.cores(before, after, 1.0, 1_500_000_000L);

    assertThat(cores.get(CpuUse.WORKER)).isCloseTo(1.5, within(1e-9));
    assertThat(cores.get(CpuUse.SIMULATOR)).isCloseTo(0.6, within(1e-9));
    assertThat(cores.get("total")).isCloseTo(2.5, within(1e-9));
  }
}
