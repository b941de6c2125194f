package dev.pairingworker.pingone;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link AdaptiveRateLimiter} paces calls and adapts to 429s (additive increase, multiplicative
 * decrease). Validated on construction; messages name the field.
 *
 * @param limit requests per second this worker instance may send when PingOne is not pushing back
 * @param minRate the rate 429s cannot push it below
 * @param increasePerSecond how fast the rate climbs back, as a fraction of {@code limit} per second
 * @param decreaseFactor the rate is multiplied by this on a 429, in (0, 1)
 * @param cooldown after a cut, further 429s within this long are answers to requests sent before it
 *     and do not cut again
 * @param burstWindow an idle limiter lets {@code rate × burstWindow} requests (at least one)
 *     through at once
 * @param cutShare a 429 cuts the rate only when at least this share of the answers of the last
 *     second were 429s; 0: every 429 may cut. A few 429s from jitter at the limit then cost
 *     nothing, while a limit shared with other clients (many 429s) still slows the worker down
 */
public record RateLimitSettings(
    double limit,
    double minRate,
    double increasePerSecond,
    double decreaseFactor,
    Duration cooldown,
    Duration burstWindow,
    double cutShare) {

  public RateLimitSettings {
    requireFinitePositive("limit", limit);
    requireFinitePositive("minRate", minRate);
    if (minRate > limit) {
      throw new IllegalArgumentException(
          "minRate (" + minRate + ") must not exceed limit (" + limit + ")");
    }
    if (!(increasePerSecond >= 0 && Double.isFinite(increasePerSecond))) {
      throw new IllegalArgumentException(
          "increasePerSecond must be zero or more, was " + increasePerSecond);
    }
    if (!(decreaseFactor > 0 && decreaseFactor < 1)) {
      throw new IllegalArgumentException(
          "decreaseFactor must be between 0 and 1 exclusive, was " + decreaseFactor);
    }
    requireNotNegative("cooldown", cooldown);
    requireNotNegative("burstWindow", burstWindow);
    if (!(cutShare >= 0 && cutShare < 1)) {
      throw new IllegalArgumentException("cutShare must be in [0, 1), was " + cutShare);
    }
  }

  /**
   * {@code limit} per second; a 429 cuts the rate to 70 % at most once a second, never below 10 %
   * of the limit; it climbs back by 5 % of the limit per second; bursts of up to 50 ms worth pass
   * at once.
   */
  public static RateLimitSettings of(double limit) {
    return new RateLimitSettings(
        limit, limit * 0.1, 0.05, 0.7, Duration.ofSeconds(1), Duration.ofMillis(50), 0);
  }

  /**
   * The worker's settings for PingOne's per-instance share {@code pingOneLimit}: it paces at 98 %
   * of it with no burst, because requests reach PingOne with some jitter and a limit counted per
   * second is exceeded by any clump of requests that were sent exactly at the limit (the 2 % margin
   * absorbs 20 ms of jitter; see docs/benchmarks.md for the measurements).
   *
   * <p>A second in which at least 5 % of the answers are 429s (other clients share the license)
   * cuts the rate by 10 %, at most once a second, never below 10 % of the limit; it climbs back by
   * 5 % of the limit per second. Under a lasting overload the cuts outpace the climb, so the rate
   * settles where fewer than 5 % of the answers are 429s; the odd 429 from jitter (a GC pause
   * clumps requests together) does not cut.
   */
  public static RateLimitSettings forPingOneLimit(double pingOneLimit) {
    double pace = pingOneLimit * 0.98;
    return new RateLimitSettings(
        pace, pace * 0.1, 0.05, 0.9, Duration.ofSeconds(1), Duration.ZERO, 0.05);
  }

  private static void requireFinitePositive(String field, double value) {
    if (!(value > 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException(field + " must be a positive number, was " + value);
    }
  }

  private static void requireNotNegative(String field, Duration value) {
    Objects.requireNonNull(value, field);
    if (value.isNegative()) {
      throw new IllegalArgumentException(field + " must not be negative, was " + value);
    }
  }
}
