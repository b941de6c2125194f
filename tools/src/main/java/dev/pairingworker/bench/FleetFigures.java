package dev.pairingworker.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What only {@code bench --fleet} shows; the run as a whole (commands/s, order, CPU) is in its
 * {@link RunFigures}.
 *
 * @param workers worker processes started at first
 * @param partitions partitions of the commands topic
 * @param simRateLimit the simulator's limit, requests per sliding second
 * @param phases phase A (all running), B (one left), C (one joined), in that order
 * @param replies every reply and every 201 against the workload
 * @param exitCodes each worker's exit code after SIGTERM (0 = a clean stop, -1 = killed), by name
 */
public record FleetFigures(
    int workers,
    int partitions,
    int simRateLimit,
    List<PhaseFigures> phases,
    ReplyCheck replies,
    Map<String, Integer> exitCodes) {

  public FleetFigures {
    phases = List.copyOf(phases);
    exitCodes = Collections.unmodifiableMap(new LinkedHashMap<>(exitCodes));
  }

  /** Whether every worker stopped cleanly on SIGTERM. */
  public boolean stoppedCleanly() {
    return exitCodes.values().stream().allMatch(code -> code == 0);
  }
}
