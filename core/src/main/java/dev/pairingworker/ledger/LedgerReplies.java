package dev.pairingworker.ledger;

import dev.pairingworker.command.Command;
import dev.pairingworker.command.Reply;
import dev.pairingworker.command.ReplyError;
import dev.pairingworker.command.ReplyStatus;
import dev.pairingworker.pingone.ExternalIds;

/** Replies the ledger gives by itself, without PingOne. */
final class LedgerReplies {
  /** A create whose transaction completed before, but whose recorded reply cannot be read. */
  static final String LEDGER_UNAVAILABLE = "LEDGER_UNAVAILABLE";

  private LedgerReplies() {}

  /**
   * FAILED {@code LEDGER_UNAVAILABLE}, PingOne not called: the transaction completed before (a
   * pairing key may exist) but its reply could not be replayed.
   */
  static Reply unavailable(Command command, Recorded.Unreadable unreadable) {
    ReplyError error =
        ReplyError.worker(
            LEDGER_UNAVAILABLE,
            "this transaction completed before, but its recorded reply could not be read from the"
                + " ledger ("
                + unreadable.reason()
                + "): not called again, so no second pairing key. A key created then, if any,"
                + " stays as it was; an unclaimed key expires by itself.");
    return new Reply(
        command.transactionId(),
        ExternalIds.forHeader(command.transactionId()),
        command.op().wireName(),
        ReplyStatus.FAILED,
        null,
        null,
        error,
        0,
        null,
        null,
        null,
        null,
        null,
        command.environmentId(),
        command.userId(),
        command.pairingKeyId(),
        command.source(),
        unreadable.at(),
        0L,
        null,
        null);
  }
}
