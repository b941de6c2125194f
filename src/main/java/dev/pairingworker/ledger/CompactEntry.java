package dev.pairingworker.ledger;

/**
 * A ledger entry as memory holds it: its state and time, and the record value exactly as written to
 * the topic (UTF-8 JSON, the reply already without the pairing code). The reply is decoded only
 * when a create finds the entry, which is rare; a decoded reply's object tree would take several
 * times the heap of its bytes.
 */
final class CompactEntry {
  private final LedgerEntry.State state;
  private final long atMillis;
  private final byte[] value;

  CompactEntry(LedgerEntry.State state, long atMillis, byte[] value) {
    this.state = state;
    this.atMillis = atMillis;
    this.value = value;
  }

  LedgerEntry.State state() {
    return state;
  }

  /** When the entry was written, in epoch milliseconds. */
  long atMillis() {
    return atMillis;
  }

  /** The record value; not copied, never modify it. */
  byte[] value() {
    return value;
  }
}
