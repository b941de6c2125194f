package dev.pairingworker.pingone;

/**
 * A command given up without an answer because its partition was revoked (rebalance or shutdown)
 * while it was not on the wire. Its record stays uncommitted and the partition's next owner runs
 * it.
 */
public final class Abandoned extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public Abandoned() {
    super("abandoned: its partition was revoked", null, false, false);
  }

  /** Stopped because what had to happen before its first request failed (e.g. at shutdown). */
  public Abandoned(Throwable cause) {
    super("abandoned: its preparation failed", cause, false, false);
  }
}
