package dev.pairingworker.pingone;

import java.util.concurrent.CompletableFuture;

/**
 * What a {@link PingOneCaller} needs to know about the command it calls for: whether the command is
 * still wanted, and what must happen before its first request goes out.
 */
public interface CallContext {
  /** A call nobody abandons, with nothing to do before its first request. */
  CallContext NONE = () -> false;

  /**
   * True once the command is no longer wanted (its partition was revoked): the call stops at its
   * next step that is not on the wire (waiting for a slot, backing off) and fails with {@link
   * Abandoned}.
   */
  boolean abandoned();

  /**
   * Runs once, when the first attempt holds its call slot; the request is sent only after the
   * returned future completed (the wait for the rate limiter runs meanwhile), so at most {@code
   * worker.max.in-flight} calls are between it and their answer. If it fails, the call fails with
   * {@link Abandoned} and nothing is sent.
   */
  default CompletableFuture<Void> beforeFirstSend() {
    return CompletableFuture.completedFuture(null);
  }
}
