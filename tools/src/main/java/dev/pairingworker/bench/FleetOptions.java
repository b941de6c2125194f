package dev.pairingworker.bench;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@code bench --fleet} runs the worker: {@code workers} processes in one consumer group on a
 * backlog, measured while all run (phase A), after one leaves (B) and after another joins (C).
 *
 * @param workers worker processes started at first (at least 2: one leaves in phase B)
 * @param phase the length of each phase's measurement window
 * @param warmup how long the fleet runs after it first settled before phase A's window opens: the
 *     workers' JIT compilers (and the broker's and simulator's in the benchmark's JVM) take much of
 *     the machine in their first tens of seconds; zero for none
 * @param launch how each worker process starts, as {@code --worker-process} starts its one
 */
public record FleetOptions(
    int workers, Duration phase, Duration warmup, WorkerProcessOptions launch) {

  public FleetOptions {
    if (workers < 2) {
      throw new IllegalArgumentException(
          "fleet must have at least 2 workers (one leaves in phase B): " + workers);
    }
    Objects.requireNonNull(phase, "phase");
    if (phase.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("fleet phase must be at least 1s: " + phase);
    }
    Objects.requireNonNull(warmup, "warmup");
    if (warmup.isNegative()) {
      throw new IllegalArgumentException("fleet warm-up must not be negative: " + warmup);
    }
    Objects.requireNonNull(launch, "launch");
  }
}
