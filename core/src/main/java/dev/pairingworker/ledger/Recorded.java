package dev.pairingworker.ledger;

import dev.pairingworker.command.Reply;
import java.time.Instant;

/** What the ledger knows about a create's transaction when the create comes. */
public sealed interface Recorded {
  /** Nothing: the create runs. */
  Recorded NOTHING = new Nothing();

  /** STARTED without COMPLETED: the worker stopped between the two. */
  Recorded STARTED = new Started();

  /** See {@link #NOTHING}. */
  record Nothing() implements Recorded {}

  /** See {@link #STARTED}. */
  record Started() implements Recorded {}

  /** COMPLETED with {@code reply}, as first published but without the pairing code. */
  record Completed(Reply reply) implements Recorded {}

  /**
   * COMPLETED, but its reply could not be read back from the ledger topic (the record is gone, or
   * the topic could not be read in time).
   *
   * @param reason why, for the reply's error message
   * @param at when the ledger found out
   */
  record Unreadable(String reason, Instant at) implements Recorded {}
}
