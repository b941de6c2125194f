package dev.pairingworker.command;

/** How a command ended. */
public enum ReplyStatus {
  /** PingOne did what was asked (including a delete of a key that was already gone). */
  SUCCEEDED,
  /** PingOne answered with an error, or could not be reached; {@code error} says which. */
  FAILED,
  /** The record is not a valid command; PingOne was not called. */
  REJECTED,
  /** The command's {@code expiresAt} had passed before it could run; PingOne was not called. */
  EXPIRED
}
