package dev.pairingworker.simulator;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * A latency drawn from a seeded standard normal variable and shaped by a function of it (affine for
 * a normal distribution, exponential for a log-normal one). Draws are serialised because the
 * generator is not thread-safe.
 */
final class RandomLatency implements LatencyModel {
  /** The standard normal's 99th percentile, which fits a log-normal to a target p99. */
  static final double Z_99 = 2.3263478740408408;

  private final SplittableRandom random;
  private final DoubleUnaryOperator nanosFromGaussian;
  private final String description;

  private RandomLatency(long seed, DoubleUnaryOperator nanosFromGaussian, String description) {
    this.random = new SplittableRandom(seed);
    this.nanosFromGaussian = nanosFromGaussian;
    this.description = description;
  }

  static RandomLatency normal(Duration mean, Duration stddev, long seed) {
    requireNotNegative(mean, "mean");
    requireNotNegative(stddev, "stddev");
    double meanNanos = mean.toNanos();
    double stddevNanos = stddev.toNanos();
    return new RandomLatency(
        seed,
        z -> meanNanos + stddevNanos * z,
        "normal(mean=" + mean + ", stddev=" + stddev + ", seed=" + seed + ")");
  }

  /**
   * Log-normal with {@code mu = ln(median)} and {@code sigma = ln(p99 / median) / z99}, so half the
   * delays are below the median and 1 % above the p99, with a long tail beyond.
   */
  static RandomLatency longTail(Duration median, Duration p99, long seed) {
    requireNotNegative(median, "median");
    if (median.isZero() || p99.compareTo(median) < 0) {
      throw new IllegalArgumentException(
          "longTail needs 0 < median <= p99: median=" + median + ", p99=" + p99);
    }
    double mu = Math.log(median.toNanos());
    double sigma = Math.log((double) p99.toNanos() / median.toNanos()) / Z_99;
    return new RandomLatency(
        seed,
        z -> Math.exp(mu + sigma * z),
        "longTail(median=" + median + ", p99=" + p99 + ", seed=" + seed + ")");
  }

  @Override
  public Duration next() {
    double z;
    synchronized (this) {
      z = random.nextGaussian();
    }
    double nanos = nanosFromGaussian.applyAsDouble(z);
    // Clipped at 0: a normal distribution's left tail must not mean "answer before asked".
    return Duration.ofNanos((long) Math.max(0, Math.min(nanos, Long.MAX_VALUE)));
  }

  @Override
  public String toString() {
    return description;
  }

  private static void requireNotNegative(Duration value, String field) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException(field + " must not be negative: " + value);
    }
  }
}
