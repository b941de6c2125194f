package dev.pairingworker.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Requests per second in the middle of a run, without its ramp-up and its tail: a run's last
 * command may wait a whole {@code Retry-After} (at least a second) after a 429, which says nothing
 * about the rate the worker holds while it is busy.
 */
final class SteadyRate {
  /** The share of the run's span left out at each end. */
  static final double EDGE = 0.1;

  private SteadyRate() {}

  /**
   * Arrivals per second between 10 % and 90 % of the span from the first to the last arrival; 0
   * with fewer than two arrivals or no span.
   */
  static double of(List<Instant> arrivals) {
    if (arrivals.size() < 2) {
      return 0;
    }
    Instant first = arrivals.stream().min(Instant::compareTo).orElseThrow();
    Instant last = arrivals.stream().max(Instant::compareTo).orElseThrow();
    long span = Duration.between(first, last).toNanos();
    if (span == 0) {
      return 0;
    }
    Instant from = first.plusNanos((long) (span * EDGE));
    Instant to = first.plusNanos((long) (span * (1 - EDGE)));
    long inside = arrivals.stream().filter(t -> !t.isBefore(from) && t.isBefore(to)).count();
    return inside / (span * (1 - 2 * EDGE) / 1e9);
  }
}
