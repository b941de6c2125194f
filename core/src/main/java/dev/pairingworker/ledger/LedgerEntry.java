package dev.pairingworker.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pairingworker.command.Reply;
import java.time.Instant;

/**
 * One ledger record's value: a create that started, or completed with the reply to replay.
 *
 * @param at when the worker wrote it; entries older than {@code worker.ledger.retention} are
 *     forgotten, as the broker deletes them
 * @param reply for COMPLETED, the reply as first published but without the pairing {@code code}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerEntry(State state, Instant at, Reply reply) {
  /** Where a transaction stands. */
  public enum State {
    /** Written and acknowledged before the PingOne call: the call may have happened. */
    STARTED,
    /** The transaction has its reply; a repeat is answered with it. */
    COMPLETED
  }

  static LedgerEntry started(Instant at) {
    return new LedgerEntry(State.STARTED, at, null);
  }

  static LedgerEntry completed(Instant at, Reply reply) {
    return new LedgerEntry(State.COMPLETED, at, reply.withoutCode());
  }
}
