package dev.pairingworker.simulator;

import java.util.SplittableRandom;

/**
 * Draws the faults of {@link FaultSettings}, one seeded generator per settings, so the same seed
 * and the same request order give the same faults. Draws are serialised because the generator is
 * not thread-safe; under concurrency the order of requests, and so which one gets a fault, varies.
 */
final class FaultDice {
  private final FaultSettings settings;
  private final SplittableRandom random;

  /** A drawn fault, and whether it strikes after the request took effect. */
  record Draw(Fault fault, boolean afterEffect) {}

  FaultDice(FaultSettings settings) {
    this.settings = settings;
    this.random = new SplittableRandom(settings.seed());
  }

  FaultSettings settings() {
    return settings;
  }

  /** The fault for the next request, or {@code null} for none. */
  Draw roll() {
    double chance;
    double timing;
    synchronized (this) {
      // Both numbers are drawn every time so one request's outcome never shifts the next one's.
      chance = random.nextDouble();
      timing = random.nextDouble();
    }
    double cumulative = 0;
    for (Fault fault : Fault.values()) {
      cumulative += settings.probability(fault);
      if (chance < cumulative) {
        return new Draw(fault, timing < settings.afterEffect());
      }
    }
    return null;
  }
}
