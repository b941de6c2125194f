package dev.pairingworker.command;

/** The result of decoding one record: a command to execute, or a rejection to answer at once. */
public sealed interface Decoded {
  RecordSource source();

  /** A valid command. */
  record Accepted(Command command) implements Decoded {
    @Override
    public RecordSource source() {
      return command.source();
    }
  }

  /**
   * A record that is not a valid command.
   *
   * @param transactionId the key as text, or null when the record had no usable key
   * @param op the {@code op} field when it could be read, else null
   */
  record Rejected(
      Rejection rejection, String transactionId, String op, ReplyRoute route, RecordSource source)
      implements Decoded {}
}
