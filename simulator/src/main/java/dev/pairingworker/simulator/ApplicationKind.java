package dev.pairingworker.simulator;

/** What a seeded PingOne application is for. */
public enum ApplicationKind {
  /**
   * A mobile app holding the MFA SDK: pairing keys may name it in {@code applications}; it cannot
   * get tokens by client credentials.
   */
  NATIVE,
  /** A machine client: gets tokens by client credentials and may hold roles such as MFA's. */
  WORKER
}
