package dev.pairingworker.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The best throughput the settings allow: calls in flight ÷ latency (Little's law) and every rate
 * limit in force, whichever is lowest. A factor that does not apply (no latency, no limit) is left
 * out; with none left there is no bound, and no efficiency.
 *
 * @param perSecond the bound in commands per second, or null when nothing bounds the run
 * @param limitedBy which factor sets it, e.g. {@code 256 in flight / 50 ms}
 */
public record Bound(Double perSecond, String limitedBy) {

  /**
   * @param latency the simulator's typical latency (its median)
   * @param simRateLimit requests per second the simulator admits; 0 for none
   * @param workerRateLimit the worker's {@code pingone.rate.limit}; 0 for none
   */
  public static Bound of(int inFlight, Duration latency, int simRateLimit, int workerRateLimit) {
    List<Bound> factors = new ArrayList<>();
    if (!latency.isZero()) {
      double seconds = latency.toNanos() / 1e9;
      factors.add(
          new Bound(inFlight / seconds, inFlight + " in flight / " + latency.toMillis() + " ms"));
    }
    if (simRateLimit > 0) {
      factors.add(new Bound((double) simRateLimit, "simulator rate limit " + simRateLimit + "/s"));
    }
    if (workerRateLimit > 0) {
      factors.add(
          new Bound((double) workerRateLimit, "worker rate limit " + workerRateLimit + "/s"));
    }
    return factors.stream()
        .min((a, b) -> Double.compare(a.perSecond(), b.perSecond()))
        .orElse(new Bound(null, "nothing (no latency, no rate limit)"));
  }

  /** Achieved ÷ bound, or null without a bound. */
  public Double efficiency(double achievedPerSecond) {
    return perSecond == null ? null : achievedPerSecond / perSecond;
  }
}
