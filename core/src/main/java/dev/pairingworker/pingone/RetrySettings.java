package dev.pairingworker.pingone;

import dev.pairingworker.config.AmbiguousCreate;
import java.time.Duration;
import java.util.Objects;

/**
 * How hard {@link BackoffRetryPolicy} tries. Validated on construction; messages name the field.
 *
 * @param maxAttempts attempts per command, the first included (a 401 retried after a token refresh
 *     counts as one more)
 * @param maxTotalTime no attempt starts later than this after the command's first attempt
 * @param baseDelay the backoff cap after the first attempt; it doubles with each attempt
 * @param maxDelay the largest backoff (a {@code Retry-After} may ask for longer)
 * @param retryAfterCap the longest {@code Retry-After} honoured; a longer one ends the command
 * @param ambiguousCreate what to do with a create that may have happened
 */
public record RetrySettings(
    int maxAttempts,
    Duration maxTotalTime,
    Duration baseDelay,
    Duration maxDelay,
    Duration retryAfterCap,
    AmbiguousCreate ambiguousCreate) {

  public RetrySettings {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    requirePositive("maxTotalTime", maxTotalTime);
    requirePositive("baseDelay", baseDelay);
    requirePositive("maxDelay", maxDelay);
    if (maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException(
          "maxDelay (" + maxDelay + ") must not be less than baseDelay (" + baseDelay + ")");
    }
    Objects.requireNonNull(retryAfterCap, "retryAfterCap");
    if (retryAfterCap.isNegative()) {
      throw new IllegalArgumentException(
          "retryAfterCap must not be negative, was " + retryAfterCap);
    }
    Objects.requireNonNull(ambiguousCreate, "ambiguousCreate");
  }

  /**
   * 16 attempts within 2 minutes, backoff from 200 ms up to 30 s, {@code Retry-After} honoured up
   * to 2 minutes, ambiguous creates retried (the reply counts them).
   */
  public static RetrySettings defaults() {
    return new RetrySettings(
        16,
        Duration.ofMinutes(2),
        Duration.ofMillis(200),
        Duration.ofSeconds(30),
        Duration.ofMinutes(2),
        AmbiguousCreate.RETRY);
  }

  public RetrySettings withMaxAttempts(int attempts) {
    return new RetrySettings(
        attempts, maxTotalTime, baseDelay, maxDelay, retryAfterCap, ambiguousCreate);
  }

  public RetrySettings withMaxTotalTime(Duration time) {
    return new RetrySettings(
        maxAttempts, time, baseDelay, maxDelay, retryAfterCap, ambiguousCreate);
  }

  public RetrySettings withRetryAfterCap(Duration cap) {
    return new RetrySettings(maxAttempts, maxTotalTime, baseDelay, maxDelay, cap, ambiguousCreate);
  }

  public RetrySettings withAmbiguousCreate(AmbiguousCreate choice) {
    return new RetrySettings(maxAttempts, maxTotalTime, baseDelay, maxDelay, retryAfterCap, choice);
  }

  private static void requirePositive(String field, Duration value) {
    Objects.requireNonNull(value, field);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(field + " must be positive, was " + value);
    }
  }
}
