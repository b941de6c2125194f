package dev.pairingworker.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Ledger entries to and from the ledger topic's record values (UTF-8 JSON). */
final class LedgerCodec {
  private final ObjectMapper json;
  private final LedgerWriter self;

  LedgerCodec(ObjectMapper json) {
    this(json, LedgerWriter.thisProcess(null)); // a dynamic member: no entry is an earlier own
  }

  /**
   * @param self this worker, which writes STARTED entries in its name
   */
  LedgerCodec(ObjectMapper json, LedgerWriter self) {
    this.json = json;
    this.self = self;
  }

  /** This worker, as its STARTED entries name it. */
  LedgerWriter self() {
    return self;
  }

  /** The entry serialised once: the same bytes go to the topic and stay in memory until acked. */
  CompactEntry.Unacknowledged encode(LedgerEntry entry) {
    try {
      return new CompactEntry.Unacknowledged(
          entry.state(), entry.at().toEpochMilli(), json.writeValueAsBytes(entry));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A record read from the topic, decoded once for its state and time; memory keeps its offset, not
   * its value.
   */
  CompactEntry.Stored read(byte[] value, long offset) throws IOException {
    return stored(decode(value), offset);
  }

  /** {@code entry}, stored at {@code offset}, as memory holds it. */
  CompactEntry.Stored stored(LedgerEntry entry, long offset) {
    boolean ownerGone =
        entry.state() == LedgerEntry.State.STARTED
            && self.isEarlierProcessOfThisInstance(entry.instance(), entry.run());
    return new CompactEntry.Stored(entry.state(), entry.at().toEpochMilli(), offset, ownerGone);
  }

  /** A record value: as written by {@link #encode}, or read back from the topic. */
  LedgerEntry decode(byte[] value) throws IOException {
    LedgerEntry entry = json.readValue(value, LedgerEntry.class);
    if (entry.state() == null || entry.at() == null) {
      throw new IOException("a ledger entry needs a state and a time");
    }
    return entry;
  }
}
