package dev.pairingworker.pingone;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Where a {@link PingOneCaller} waits (back-off, pacing, Retry-After): a real timer in the worker,
 * a virtual one in tests, so that they never sleep.
 */
@FunctionalInterface
public interface Scheduler {
  /** Completes once {@code delay} has passed (at once when it is zero or negative). */
  CompletableFuture<Void> after(Duration delay);

  /**
   * Waits on the JDK's timer and completes on {@code executor}: never on {@code
   * CompletableFuture}'s default executor, which may be a single common-pool thread (or a thread
   * per task, see {@code worker.CommonPool}) and would serialise every paced send.
   */
  static Scheduler on(Executor executor) {
    return delay -> {
      if (delay.isZero() || delay.isNegative()) {
        return CompletableFuture.completedFuture(null);
      }
      Executor later =
          CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS, executor);
      return CompletableFuture.runAsync(() -> {}, later);
    };
  }
}
