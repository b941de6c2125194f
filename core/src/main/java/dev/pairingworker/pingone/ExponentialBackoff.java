package dev.pairingworker.pingone;

import java.time.Duration;

/**
 * Full-jitter exponential backoff: the wait after attempt n is uniformly random in [0, min(max,
 * base × 2^(n-1))). Full jitter spreads a crowd of retrying commands best (AWS Architecture Blog,
 * "Exponential Backoff and Jitter").
 */
record ExponentialBackoff(Duration base, Duration max) {
  /** The upper bound of the wait after {@code attempt} (from 1), saturating at {@code max}. */
  Duration cap(int attempt) {
    long baseNanos = base.toNanos();
    long maxNanos = max.toNanos();
    int doublings = Math.min(Math.max(attempt - 1, 0), 62);
    if (baseNanos > (maxNanos >> doublings)) {
      return max;
    }
    return Duration.ofNanos(baseNanos << doublings);
  }

  /**
   * @param fraction a random number in [0, 1); values outside are clamped
   */
  Duration delay(int attempt, double fraction) {
    return scale(cap(attempt), fraction);
  }

  static Duration scale(Duration duration, double fraction) {
    double clamped = Math.min(Math.max(fraction, 0.0), 1.0);
    return Duration.ofNanos((long) (duration.toNanos() * clamped));
  }
}
