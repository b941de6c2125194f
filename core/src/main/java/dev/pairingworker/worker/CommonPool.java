package dev.pairingworker.worker;

import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import org.slf4j.Logger;

/**
 * Keeps the JDK's HTTP client from starting a thread for every response.
 *
 * <p>{@code HttpClient.sendAsync} hands each response to {@code CompletableFuture}'s default
 * executor before the caller's continuations run (the JDK's {@code HttpClientImpl.sendAsync},
 * "makes sure that any dependent actions happen in the CF default executor"), whatever executor the
 * client was built with. That default executor is the common {@link ForkJoinPool} only when the
 * pool has at least two threads; with one it is a new thread per task. The common pool's
 * parallelism defaults to the CPUs minus one, so on a one- or two-CPU machine or container every
 * PingOne call started and ended a thread, which costs most of the throughput on such a machine
 * (measured in docs/benchmarks.md, "Threads per response").
 *
 * <p>{@link #configure()} sets the common pool's parallelism to {@value #MIN_PARALLELISM} when
 * nobody chose a value and the default would be lower; it must run before anything touches {@code
 * ForkJoinPool} or {@code CompletableFuture}, so {@code Main} calls it first. A value set with
 * {@code -D} is kept, and the worker warns at start when it leaves the pool below two threads.
 */
public final class CommonPool {
  static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";
  static final int MIN_PARALLELISM = 2;

  private CommonPool() {}

  /** Raises the common pool's default parallelism where it would start a thread per response. */
  public static void configure() {
    parallelismToSet(System.getProperty(PARALLELISM), Runtime.getRuntime().availableProcessors())
        .ifPresent(value -> System.setProperty(PARALLELISM, value));
  }

  /**
   * The parallelism to set, if any: none when the operator chose one, or when the JDK's default
   * (CPUs minus one) is already at least two.
   */
  static Optional<String> parallelismToSet(String configured, int processors) {
    if (configured != null || processors - 1 >= MIN_PARALLELISM) {
      return Optional.empty();
    }
    return Optional.of(Integer.toString(MIN_PARALLELISM));
  }

  /** Whether {@code CompletableFuture}'s default executor starts a thread per task here. */
  static boolean threadPerTask() {
    return ForkJoinPool.getCommonPoolParallelism() < MIN_PARALLELISM;
  }

  static void warnIfThreadPerTask(Logger log) {
    if (threadPerTask()) {
      log.warn(
          "The common ForkJoinPool has {} thread(s): the HTTP client will start a new thread for"
              + " every PingOne response. Start the JVM with -D{}={} or more (pairing-worker.jar"
              + " sets it unless the property is given)",
          ForkJoinPool.getCommonPoolParallelism(),
          PARALLELISM,
          MIN_PARALLELISM);
    }
  }
}
