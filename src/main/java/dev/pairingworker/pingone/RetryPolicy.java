package dev.pairingworker.pingone;

import dev.pairingworker.command.Op;
import java.time.Duration;
import java.util.Optional;

/**
 * Decides whether a failed attempt is tried again, and after how long. A pure function: the caller does the
 * waiting, without blocking a thread. The one-time retry of a 401 after a token refresh is not a policy
 * decision: {@link PingOneCaller} always makes it.
 */
@FunctionalInterface
public interface RetryPolicy {
  /**
   * @param attempt the number of the attempt that just ended, from 1
   * @return how long to wait before the next attempt, or empty to give up with this outcome
   */
  Optional<Duration> retryDelay(Op op, int attempt, CallOutcome outcome);

  /** Never retries: every command gets one attempt (plus the 401 refresh). */
  static RetryPolicy never() {
    return (op, attempt, outcome) -> Optional.empty();
  }
}
