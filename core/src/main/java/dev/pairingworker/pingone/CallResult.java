package dev.pairingworker.pingone;

/**
 * The end of all attempts at one PingOne operation.
 *
 * @param outcome how the last attempt ended
 * @param attempts API calls made (a call answered 401 and retried after a token refresh counts
 *     twice)
 * @param outcomeUnknown the last attempt was a create that may or may not have happened, and the
 *     worker did not retry it ({@code pingone.retry.ambiguous-create=answer})
 * @param ambiguousAttempts attempts of a create whose outcome was unknown and which were retried:
 *     each may have left an unclaimed key behind (including, after {@link #afterAmbiguousAttempts},
 *     attempts made before this call, e.g. by a worker that died)
 * @param giveUpReason why there was no further attempt ({@link RetryDecision.GiveUp} constants)
 */
public record CallResult(
    CallOutcome outcome,
    int attempts,
    boolean outcomeUnknown,
    int ambiguousAttempts,
    String giveUpReason) {

  /** This result with {@code earlier} ambiguous attempts made before the call added. */
  public CallResult afterAmbiguousAttempts(int earlier) {
    return earlier == 0
        ? this
        : new CallResult(
            outcome, attempts, outcomeUnknown, ambiguousAttempts + earlier, giveUpReason);
  }
}
