package dev.pairingworker.bench;

import java.util.Arrays;

/**
 * Produce-to-reply latency of the answered commands, in milliseconds (nearest-rank percentiles).
 *
 * @param p50Ms the median
 * @param p99Ms the 99th percentile
 * @param maxMs the slowest command
 */
public record LatencySummary(double p50Ms, double p99Ms, double maxMs) {
  private static final double NANOS_PER_MILLI = 1e6;

  /** The summary of {@code latencyNanos}; all zero when empty. */
  public static LatencySummary of(long[] latencyNanos) {
    if (latencyNanos.length == 0) {
      return new LatencySummary(0, 0, 0);
    }
    long[] sorted = latencyNanos.clone();
    Arrays.sort(sorted);
    return new LatencySummary(
        millis(percentile(sorted, 50)),
        millis(percentile(sorted, 99)),
        millis(sorted[sorted.length - 1]));
  }

  /**
   * Nearest rank: the smallest value with at least {@code percent} % of the values at or below it.
   */
  static long percentile(long[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static double millis(long nanos) {
    return nanos / NANOS_PER_MILLI;
  }
}
