package dev.pairingworker.pingone;

/**
 * The end of all attempts at one PingOne operation.
 *
 * @param outcome how the last attempt ended
 * @param attempts API calls made (a call answered 401 and retried after a token refresh counts twice)
 */
public record CallResult(CallOutcome outcome, int attempts) {}
