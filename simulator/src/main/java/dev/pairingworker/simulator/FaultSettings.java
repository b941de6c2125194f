package dev.pairingworker.simulator;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which failures the simulator injects. Immutable; start from {@link #none()} and add faults with
 * the {@code with...} methods. Part of {@link SimulatorSettings}, and replaceable while running
 * with {@link PingOneSimulator#setFaults}.
 *
 * <p>Order of checks for each request: an outage ({@link PingOneSimulator#startOutage}) fails it;
 * otherwise the rate limit may refuse it with 429 (a refused request does not use up capacity);
 * otherwise at most one {@link Fault} is drawn by its probability.
 *
 * @param rateLimitPerSecond requests admitted in any sliding one-second window of the simulator's
 *     clock; 0 for no limit
 * @param probabilities the chance, 0 to 1, that a request gets each fault; the faults exclude each
 *     other, so the chances must add up to at most 1
 * @param retryAfterSeconds the {@code Retry-After} of {@link Fault#UNAVAILABLE_RETRY_AFTER}
 * @param afterEffect the chance, 0 to 1, that a drawn fault strikes after the request took effect
 *     (the key was created or deleted, the client still sees the failure): PingOne's ambiguous
 *     outcome
 * @param includeTokenEndpoint whether the rate limit, the faults and outages also hit the token
 *     endpoint; PingOne serves it from another host, so by default only the API suffers
 * @param seed the seed of the random draws, so a run can be repeated
 * @param tokenRateLimitPerSecond the token endpoint's own limit: token requests admitted in any
 *     sliding second, more get 429 with {@code Retry-After}; 0 for no limit. Counted apart from
 *     {@code rateLimitPerSecond} (PingOne's auth host is another service).
 * @param htmlGatewayErrors whether 502, 503 and 504 (injected or from an outage) come with an HTML
 *     page ({@code text/html}) as a proxy in front of PingOne sends them, instead of PingOne's JSON
 */
public record FaultSettings(
    int rateLimitPerSecond,
    Map<Fault, Double> probabilities,
    int retryAfterSeconds,
    double afterEffect,
    boolean includeTokenEndpoint,
    long seed,
    int tokenRateLimitPerSecond,
    boolean htmlGatewayErrors) {

  /** Allows for the rounding of chances such as 0.1 + 0.2 + 0.7. */
  private static final double TOLERANCE = 1e-9;

  public FaultSettings {
    if (rateLimitPerSecond < 0) {
      throw new IllegalArgumentException(
          "rateLimitPerSecond must not be negative: " + rateLimitPerSecond);
    }
    probabilities = copy(Objects.requireNonNull(probabilities, "probabilities must not be null"));
    if (retryAfterSeconds < 1) {
      throw new IllegalArgumentException(
          "retryAfterSeconds must be at least 1: " + retryAfterSeconds);
    }
    requireChance(afterEffect, "afterEffect");
    if (tokenRateLimitPerSecond < 0) {
      throw new IllegalArgumentException(
          "tokenRateLimitPerSecond must not be negative: " + tokenRateLimitPerSecond);
    }
  }

  /**
   * No rate limit, no faults, Retry-After 1 s, faults before effect, API only, seed 1, no token
   * rate limit, JSON error bodies.
   */
  public static FaultSettings none() {
    return new FaultSettings(0, Map.of(), 1, 0, false, 1, 0, false);
  }

  /** The chance of {@code fault}; 0 when not set. */
  public double probability(Fault fault) {
    return probabilities.getOrDefault(fault, 0.0);
  }

  public FaultSettings withRateLimitPerSecond(int limit) {
    return new FaultSettings(
        limit,
        probabilities,
        retryAfterSeconds,
        afterEffect,
        includeTokenEndpoint,
        seed,
        tokenRateLimitPerSecond,
        htmlGatewayErrors);
  }

  /** Sets the chance of {@code fault}; 0 removes it. */
  public FaultSettings withProbability(Fault fault, double probability) {
    Map<Fault, Double> more = new EnumMap<>(Fault.class);
    more.putAll(probabilities);
    // A zero chance is left out, so settings print only the faults that can happen.
    if (probability == 0) {
      more.remove(Objects.requireNonNull(fault, "fault"));
    } else {
      more.put(Objects.requireNonNull(fault, "fault"), probability);
    }
    return new FaultSettings(
        rateLimitPerSecond,
        more,
        retryAfterSeconds,
        afterEffect,
        includeTokenEndpoint,
        seed,
        tokenRateLimitPerSecond,
        htmlGatewayErrors);
  }

  public FaultSettings withRetryAfterSeconds(int seconds) {
    return new FaultSettings(
        rateLimitPerSecond,
        probabilities,
        seconds,
        afterEffect,
        includeTokenEndpoint,
        seed,
        tokenRateLimitPerSecond,
        htmlGatewayErrors);
  }

  public FaultSettings withAfterEffect(double probability) {
    return new FaultSettings(
        rateLimitPerSecond,
        probabilities,
        retryAfterSeconds,
        probability,
        includeTokenEndpoint,
        seed,
        tokenRateLimitPerSecond,
        htmlGatewayErrors);
  }

  public FaultSettings withTokenEndpoint(boolean included) {
    return new FaultSettings(
        rateLimitPerSecond,
        probabilities,
        retryAfterSeconds,
        afterEffect,
        included,
        seed,
        tokenRateLimitPerSecond,
        htmlGatewayErrors);
  }

  public FaultSettings withSeed(long newSeed) {
    return new FaultSettings(
        rateLimitPerSecond,
        probabilities,
        retryAfterSeconds,
        afterEffect,
        includeTokenEndpoint,
        newSeed,
        tokenRateLimitPerSecond,
        htmlGatewayErrors);
  }

  public FaultSettings withTokenRateLimitPerSecond(int limit) {
    return new FaultSettings(
        rateLimitPerSecond,
        probabilities,
        retryAfterSeconds,
        afterEffect,
        includeTokenEndpoint,
        seed,
        limit,
        htmlGatewayErrors);
  }

  public FaultSettings withHtmlGatewayErrors(boolean html) {
    return new FaultSettings(
        rateLimitPerSecond,
        probabilities,
        retryAfterSeconds,
        afterEffect,
        includeTokenEndpoint,
        seed,
        tokenRateLimitPerSecond,
        html);
  }

  private static Map<Fault, Double> copy(Map<Fault, Double> probabilities) {
    Map<Fault, Double> copy = new EnumMap<>(Fault.class);
    double sum = 0;
    for (Map.Entry<Fault, Double> entry : probabilities.entrySet()) {
      Fault fault = Objects.requireNonNull(entry.getKey(), "probabilities must not name null");
      double chance = Objects.requireNonNull(entry.getValue(), "probability of " + fault);
      requireChance(chance, "probability of " + fault);
      copy.put(fault, chance);
      sum += chance;
    }
    if (sum > 1 + TOLERANCE) {
      throw new IllegalArgumentException("probabilities must add up to at most 1: " + sum);
    }
    return Collections.unmodifiableMap(copy);
  }

  private static void requireChance(double value, String field) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(field + " must be between 0 and 1: " + value);
    }
  }
}
