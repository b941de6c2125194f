package dev.pairingworker.config;

/**
 * What to do with a create whose request may have reached PingOne without a trustworthy answer
 * (read timeout, connection reset after sending, 502, 504).
 */
public enum AmbiguousCreate {
  /**
   * Try again. The command likely gets its key, but an earlier attempt may have created a second,
   * unclaimed key that nobody learns about; it expires (10 minutes by default) and meanwhile counts
   * towards the user's limit of 20 keys.
   */
  RETRY,
  /** Stop and answer that the outcome is unknown; the requester decides whether to create again. */
  ANSWER
}
