package dev.pairingworker.ledger;

import java.time.Duration;

/**
 * What bounds the ledger a worker holds in memory, and its waits.
 *
 * @param retention entries older than this are forgotten, as the broker deletes them ({@code
 *     worker.ledger.retention})
 * @param maxEntries entries held at most across all owned partitions; beyond it the oldest are
 *     forgotten first ({@code worker.ledger.max-entries})
 * @param handoverWait how long after it got a partition a worker waits for the outcome of a create
 *     the partition's previous owner started and may still be finishing, before it treats the
 *     create as unfinished: the longest a call already on the wire can take ({@code
 *     pingone.request.timeout}) and the time to record its outcome
 */
public record LedgerLimits(Duration retention, int maxEntries, Duration handoverWait) {
  /** What a create on the wire is given, beyond its request timeout, to record its outcome. */
  public static final Duration OUTCOME_WRITE_ALLOWANCE = Duration.ofSeconds(5);

  public LedgerLimits {
    if (retention.isNegative() || retention.isZero() || maxEntries < 1) {
      throw new IllegalArgumentException(
          "retention and maxEntries must be positive: " + retention + ", " + maxEntries);
    }
    if (handoverWait.isNegative()) {
      throw new IllegalArgumentException("handoverWait must not be negative: " + handoverWait);
    }
  }

  /** Without waiting for previous owners (tests of the memory). */
  public LedgerLimits(Duration retention, int maxEntries) {
    this(retention, maxEntries, Duration.ZERO);
  }

  /** The hand-over wait for calls that time out after {@code requestTimeout}. */
  public static Duration handoverWait(Duration requestTimeout) {
    return requestTimeout.plus(OUTCOME_WRITE_ALLOWANCE);
  }
}
