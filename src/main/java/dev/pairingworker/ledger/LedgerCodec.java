package dev.pairingworker.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Ledger entries to and from the ledger topic's record values (UTF-8 JSON). */
final class LedgerCodec {
  private final ObjectMapper json;

  LedgerCodec(ObjectMapper json) {
    this.json = json;
  }

  /** The entry serialised once: the same bytes go to the topic and stay in memory. */
  CompactEntry encode(LedgerEntry entry) {
    try {
      return new CompactEntry(
          entry.state(), entry.at().toEpochMilli(), json.writeValueAsBytes(entry));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A record value read from the topic; checked by decoding it once, then kept as bytes. */
  CompactEntry read(byte[] value) throws IOException {
    LedgerEntry entry = json.readValue(value, LedgerEntry.class);
    if (entry.state() == null || entry.at() == null) {
      throw new IOException("a ledger entry needs a state and a time");
    }
    return new CompactEntry(entry.state(), entry.at().toEpochMilli(), value);
  }

  LedgerEntry decode(CompactEntry entry) {
    try {
      return json.readValue(entry.value(), LedgerEntry.class);
    } catch (IOException e) {
      // Every held value was written by encode or checked by read.
      throw new UncheckedIOException(e);
    }
  }
}
