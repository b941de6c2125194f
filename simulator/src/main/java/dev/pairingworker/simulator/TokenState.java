package dev.pairingworker.simulator;

/** What the simulator made of the bearer token of an API request. */
public enum TokenState {
  /** No {@code Authorization: Bearer} header (and every token-endpoint request). */
  NONE,
  /** A token this simulator issued and that has not expired. */
  VALID,
  /**
   * A token this simulator issued that has expired (by the clock or {@link
   * PingOneSimulator#expireAllTokens}).
   */
  EXPIRED,
  /** A bearer value this simulator never issued. */
  UNKNOWN
}
