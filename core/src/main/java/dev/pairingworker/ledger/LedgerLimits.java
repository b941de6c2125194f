package dev.pairingworker.ledger;

import java.time.Duration;

/**
 * What bounds the ledger a worker holds in memory.
 *
 * @param retention entries older than this are forgotten, as the broker deletes them ({@code
 *     worker.ledger.retention})
 * @param maxEntries entries held at most across all owned partitions; beyond it the oldest are
 *     forgotten first ({@code worker.ledger.max-entries})
 */
public record LedgerLimits(Duration retention, int maxEntries) {
  public LedgerLimits {
    if (retention.isNegative() || retention.isZero() || maxEntries < 1) {
      throw new IllegalArgumentException(
          "retention and maxEntries must be positive: " + retention + ", " + maxEntries);
    }
  }
}
