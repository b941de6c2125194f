package dev.pairingworker.pingone;

import java.time.Clock;
import java.time.Duration;

/**
 * Spaces PingOne calls out. Thread-safe; callers wait the returned delay without blocking a thread.
 */
public interface RateLimiter {
  /** Takes a permit and returns how long the caller must wait before using it. */
  Duration reserve();

  /**
   * Called right before sending, after the wait {@link #reserve()} returned: admits the call now,
   * or returns how long to wait before asking again. This is where a limiter keeps late wake-ups (a
   * GC pause, a busy CPU) from being sent as a burst that overruns PingOne's per-second count.
   */
  default Duration admit() {
    return Duration.ZERO;
  }

  /** Feedback from each answer, so an adaptive limiter can slow down on 429s. */
  default void onAnswer(int httpStatus) {}

  /**
   * The part of the limit this limiter may use, in (0, 1]: the limit is the budget of every worker
   * sharing it, and this worker's share follows the command partitions it owns ({@code
   * pingone.rate.limit.scope=group}). A limiter without a limit ignores it.
   */
  default void share(double share) {}

  /** No limit. */
  static RateLimiter unlimited() {
    return () -> Duration.ZERO;
  }

  /**
   * The worker's limiter for PingOne's limit {@code requestsPerSecond} ({@link
   * RateLimitSettings#forPingOneLimit}), or {@link #unlimited()} when it is zero or negative.
   */
  static RateLimiter adaptive(double requestsPerSecond, Clock clock) {
    if (requestsPerSecond <= 0) {
      return unlimited();
    }
    return new AdaptiveRateLimiter(RateLimitSettings.forPingOneLimit(requestsPerSecond), clock);
  }
}
