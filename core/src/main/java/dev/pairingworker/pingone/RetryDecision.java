package dev.pairingworker.pingone;

import java.time.Duration;
import java.util.Optional;

/** What a {@link RetryPolicy} decided after one attempt, with a reason that metrics can count. */
public sealed interface RetryDecision {
  /**
   * Try again after {@code delay}.
   *
   * @param reason how the attempt ended, from {@link Outcomes#reason}: {@code status_429}, {@code
   *     io_error}, {@code token_unavailable}, ...
   */
  record Retry(Duration delay, String reason) implements RetryDecision {}

  /**
   * Stop: the last outcome is the command's result.
   *
   * @param reason why there is no further attempt: one of the constants below
   * @param outcomeUnknown the last attempt was a create that may or may not have happened
   */
  record GiveUp(String reason, boolean outcomeUnknown) implements RetryDecision {
    /** The attempt succeeded: nothing to retry. */
    public static final String SUCCESS = "success";

    /**
     * An answer that another attempt would not change (400, 401 after a refresh, 403, 404, 409...).
     */
    public static final String NOT_RETRYABLE = "not_retryable";

    /** The token endpoint refused the credentials (400, 401, other 4xx): they will not heal. */
    public static final String TOKEN_REJECTED = "token_rejected";

    /**
     * A create may have happened, and the worker is configured to answer rather than risk a
     * duplicate.
     */
    public static final String OUTCOME_UNKNOWN = "outcome_unknown";

    /** The attempt limit was reached. */
    public static final String MAX_ATTEMPTS = "max_attempts";

    /** The next attempt would start after the command's time budget. */
    public static final String MAX_TOTAL_TIME = "max_total_time";

    /** PingOne asked for a longer wait than the worker is configured to honour. */
    public static final String RETRY_AFTER_TOO_LONG = "retry_after_too_long";
  }

  /**
   * The wait before the next attempt, or empty when giving up: the shape of {@link
   * RetryPolicy#retryDelay}.
   */
  default Optional<Duration> retryDelay() {
    return this instanceof Retry retry ? Optional.of(retry.delay()) : Optional.empty();
  }
}
