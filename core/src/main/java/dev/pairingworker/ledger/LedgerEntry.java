package dev.pairingworker.ledger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pairingworker.command.Reply;
import java.time.Instant;

/**
 * One ledger record's value: a create that started, or completed with the reply to replay.
 *
 * @param at when the worker wrote it; entries older than {@code worker.ledger.retention} are
 *     forgotten, as the broker deletes them
 * @param reply for COMPLETED, the reply as first published but without the pairing {@code code}
 * @param instance for STARTED, the writer's {@code worker.instance.id}; null for a dynamic member
 * @param run for STARTED, the writing process (a random ID per start of the worker)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(
    ignoreUnknown = true) // a later version's fields do not make an entry unreadable
public record LedgerEntry(State state, Instant at, Reply reply, String instance, String run) {
  /** Where a transaction stands. */
  public enum State {
    /** Written and acknowledged before the PingOne call: the call may have happened. */
    STARTED,
    /** The transaction has its reply; a repeat is answered with it. */
    COMPLETED
  }

  public LedgerEntry(State state, Instant at, Reply reply) {
    this(state, at, reply, null, null);
  }

  static LedgerEntry started(Instant at, LedgerWriter writer) {
    return new LedgerEntry(State.STARTED, at, null, writer.instance(), writer.run());
  }

  static LedgerEntry completed(Instant at, Reply reply) {
    return new LedgerEntry(State.COMPLETED, at, reply.withoutCode());
  }
}
