package dev.pairingworker.pingone;

import dev.pairingworker.command.Op;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Decides whether a failed attempt is tried again, and after how long. A pure function: the caller
 * does the waiting, without blocking a thread. The one-time retry of a 401 after a token refresh is
 * not a policy decision: {@link PingOneCaller} always makes it.
 */
@FunctionalInterface
public interface RetryPolicy {
  /**
   * @param attempt the number of the attempt that just ended, from 1
   * @return how long to wait before the next attempt, or empty to give up with this outcome
   */
  Optional<Duration> retryDelay(Op op, int attempt, CallOutcome outcome);

  /**
   * The same decision with its reason, for metrics, and with the command's start, for a total time
   * budget. Policies that know more override this; the default wraps {@link #retryDelay}.
   */
  default RetryDecision decide(RetryContext context, CallOutcome outcome) {
    Optional<Duration> delay = retryDelay(context.op(), context.attempt(), outcome);
    if (delay.isPresent()) {
      return new RetryDecision.Retry(delay.get(), Outcomes.reason(outcome));
    }
    String reason =
        Outcomes.isSuccess(outcome)
            ? RetryDecision.GiveUp.SUCCESS
            : RetryDecision.GiveUp.NOT_RETRYABLE;
    return new RetryDecision.GiveUp(reason, Outcomes.isAmbiguous(context.op(), outcome));
  }

  /** Ping's retry guidance, full-jitter backoff, bounded by {@code settings}. */
  static RetryPolicy withBackoff(RetrySettings settings, Clock clock) {
    return BackoffRetryPolicy.of(settings, clock);
  }
}
