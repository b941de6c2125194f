package dev.pairingworker.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the simulator waits before sending each response. Called once per request, possibly from
 * several threads at once, so implementations must be thread-safe. The delay never occupies a
 * server thread: the response is computed at once and sent later from a scheduler.
 */
@FunctionalInterface
public interface LatencyModel {

  /** The delay for the next response; never negative. */
  Duration next();

  /**
   * The delay for the next response to a request for {@code path}; by default the same for every
   * path.
   */
  default Duration next(String path) {
    return next();
  }

  /**
   * Delays requests about one user by {@code slow} and all others as {@code otherwise}: a slow
   * PingOne partition, or a user whose calls keep timing out.
   */
  static LatencyModel slowUser(String userId, Duration slow, LatencyModel otherwise) {
    Objects.requireNonNull(userId, "userId");
    String marker = "/users/" + userId + "/";
    return new LatencyModel() {
      @Override
      public Duration next() {
        return otherwise.next();
      }

      @Override
      public Duration next(String path) {
        return path.contains(marker) ? slow : otherwise.next(path);
      }
    };
  }

  /** Answers at once. */
  static LatencyModel none() {
    return () -> Duration.ZERO;
  }

  /** Delays every response by {@code delay}. */
  static LatencyModel fixed(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + delay);
    }
    return () -> delay;
  }

  /** Normally distributed delays, clipped at 0; the same seed gives the same sequence of delays. */
  static LatencyModel normal(Duration mean, Duration stddev, long seed) {
    return RandomLatency.normal(mean, stddev, seed);
  }

  /**
   * Log-normal delays fitted so that half are below {@code median} and 1 % above {@code p99}: the
   * long tail of a real service, where a few calls take many times the usual time.
   */
  static LatencyModel longTail(Duration median, Duration p99, long seed) {
    return RandomLatency.longTail(median, p99, seed);
  }
}
