package dev.pairingworker.simulator;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of the responses the simulator chose since it started. Unlike {@link
 * PingOneSimulator#requests()} these are not reset by {@link PingOneSimulator#clearRequests()}, so
 * a benchmark can read them at the end without keeping its own tally.
 *
 * @param requestsByStatus how many requests ended with each status, in status order; {@link
 *     RecordedRequest#CONNECTION_RESET} counts connections closed without a response
 */
public record SimulatorStats(Map<Integer, Long> requestsByStatus) {

  public SimulatorStats {
    requestsByStatus = Collections.unmodifiableMap(new TreeMap<>(requestsByStatus));
  }

  /** Every request counted. */
  public long total() {
    return requestsByStatus.values().stream().mapToLong(Long::longValue).sum();
  }

  /** How many requests ended with {@code status}. */
  public long count(int status) {
    return requestsByStatus.getOrDefault(status, 0L);
  }

  /** How many requests were refused with 429 by the rate limit. */
  public long rateLimited() {
    return count(429);
  }

  /** How many connections were closed without a response. */
  public long connectionResets() {
    return count(RecordedRequest.CONNECTION_RESET);
  }
}
