package dev.pairingworker.bench;

import java.util.OptionalLong;

/**
 * Where a run's memory figures come from: this JVM ({@link HeapWatcher}) or a worker started as its
 * own process ({@link WorkerProcessWatch}). Sampled while the run is driven.
 */
interface MemoryProbe extends AutoCloseable {

  /** Records the memory in use now; called every {@link ResourceSampler#PERIOD}. */
  void sample();

  /** The peaks since the probe was created; read while the measured process still runs. */
  Figures figures();

  @Override
  void close();

  /**
   * Memory peaks of one run.
   *
   * @param of which process they describe, for the report
   * @param peakHeapUsedBytes the largest heap in use (garbage included)
   * @param peakHeapAfterGcBytes the largest heap left after a collection; 0 when none was seen
   * @param peakRssBytes the peak resident set size ({@code VmHWM}); empty where the OS does not say
   */
  record Figures(
      String of, long peakHeapUsedBytes, long peakHeapAfterGcBytes, OptionalLong peakRssBytes) {}
}
