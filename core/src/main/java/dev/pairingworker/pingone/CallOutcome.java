package dev.pairingworker.pingone;

/** How one attempt at a PingOne call ended. */
public sealed interface CallOutcome {
  /** PingOne answered (any status). */
  record Answered(PingOneResponse response) implements CallOutcome {}

  /**
   * No answer arrived: connection refused or reset, timeout.
   *
   * @param mayHaveReachedPingOne false only when the request certainly was not sent (e.g. connect
   *     failed); matters for create, which is not idempotent
   */
  record NoAnswer(Throwable cause, boolean mayHaveReachedPingOne) implements CallOutcome {}

  /** No token could be had, so no API call was made. */
  record NoToken(TokenException cause) implements CallOutcome {}
}
