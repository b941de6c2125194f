package dev.pairingworker.ledger;

/**
 * A ledger entry as memory holds it: what a lookup needs to decide (its state and time) and where
 * its reply can be read. Entries written by this worker keep their record value only until the
 * broker acknowledges it; from then on, and for every entry read from the topic, memory holds the
 * record's offset in its ledger partition (the partition is the memory's key) instead of the value
 * (the whole reply), and a replay reads the value back from the topic.
 */
sealed interface CompactEntry {
  LedgerEntry.State state();

  /** When the entry was written, in epoch milliseconds. */
  long atMillis();

  /**
   * Written by this worker and not acknowledged yet: the value as sent (UTF-8 JSON, the reply
   * already without the pairing code), because the lane's next command may look it up meanwhile.
   *
   * @param value not copied, never modify it
   */
  record Unacknowledged(LedgerEntry.State state, long atMillis, byte[] value)
      implements CompactEntry {
    /** This entry once the broker has stored it at {@code offset}. */
    Stored storedAt(long offset) {
      return new Stored(state, atMillis, offset);
    }
  }

  /**
   * In the ledger topic at {@code offset} of the entry's partition.
   *
   * @param ownerGone a STARTED entry written by an earlier process of this worker's {@code
   *     worker.instance.id}: that process is gone (two live members never share an instance ID), so
   *     nobody will finish the create and its next owner need not wait for an outcome
   */
  record Stored(LedgerEntry.State state, long atMillis, long offset, boolean ownerGone)
      implements CompactEntry {
    Stored(LedgerEntry.State state, long atMillis, long offset) {
      this(state, atMillis, offset, false);
    }
  }
}
