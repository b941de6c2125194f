package dev.pairingworker.submit;

/** A row that is not sent, and why. The reason names fields, never their values. */
public record InvalidRow(int line, String reason) {
  @Override
  public String toString() {
    return "line " + line + ": " + reason;
  }
}
