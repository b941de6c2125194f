package dev.pairingworker.pingone;

/**
 * A command given up without an answer because its partition was revoked (rebalance or shutdown)
 * while it was not on the wire. Its record stays uncommitted and the partition's next owner runs
 * it.
 */
public final class Abandoned extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int ambiguousAttempts;

  /** Given up before any attempt of unknown outcome: PingOne did nothing for it. */
  public Abandoned() {
    this(0);
  }

  /**
   * Given up after {@code ambiguousAttempts} attempts whose outcome is unknown (a create that timed
   * out, or was answered 5xx, may have created a key).
   */
  public Abandoned(int ambiguousAttempts) {
    super("abandoned: its partition was revoked", null, false, false);
    this.ambiguousAttempts = ambiguousAttempts;
  }

  /** Stopped because what had to happen before its first request failed (e.g. at shutdown). */
  public Abandoned(Throwable cause) {
    super("abandoned: its preparation failed", cause, false, false);
    this.ambiguousAttempts = 0;
  }

  /**
   * Attempts made before it was given up whose outcome is unknown: when not 0, PingOne may have
   * acted on it, so its next owner must treat it as unfinished, not as new.
   */
  public int ambiguousAttempts() {
    return ambiguousAttempts;
  }
}
