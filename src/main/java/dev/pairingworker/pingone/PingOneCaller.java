package dev.pairingworker.pingone;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Runs one operation to its end: rate limit, token, call, the single retry after a 401 with a fresh token, and
 * whatever the {@link RetryPolicy} decides. Waits are scheduled, never slept, so a command backing off holds no
 * thread and cannot delay the consumer's poll loop.
 */
public final class PingOneCaller {
  private final PairingKeysApi api;
  private final TokenProvider tokens;
  private final RateLimiter limiter;
  private final RetryPolicy retryPolicy;

  public PingOneCaller(
      PairingKeysApi api, TokenProvider tokens, RateLimiter limiter, RetryPolicy retryPolicy) {
    this.api = api;
    this.tokens = tokens;
    this.limiter = limiter;
    this.retryPolicy = retryPolicy;
  }

  public CompletableFuture<CallResult> call(PingOneRequest request) {
    return attempt(request, 1, false);
  }

  private CompletableFuture<CallResult> attempt(
      PingOneRequest request, int attempt, boolean refreshedAfter401) {
    return after(limiter.reserve())
        .thenCompose(ignored -> tokens.token())
        .thenCompose(token -> send(request, token, attempt, refreshedAfter401))
        .exceptionallyCompose(
            failure -> decide(request, attempt, refreshedAfter401, noToken(failure)));
  }

  private CompletableFuture<CallResult> send(
      PingOneRequest request, AccessToken token, int attempt, boolean refreshedAfter401) {
    return api.send(request, token)
        .thenCompose(
            outcome -> {
              if (outcome instanceof CallOutcome.Answered answered) {
                limiter.onAnswer(answered.response().status());
                if (answered.response().status() == 401 && !refreshedAfter401) {
                  return tokens.replace(token).thenCompose(t -> attempt(request, attempt + 1, true));
                }
              }
              return decide(request, attempt, refreshedAfter401, outcome);
            });
  }

  private CompletableFuture<CallResult> decide(
      PingOneRequest request, int attempt, boolean refreshedAfter401, CallOutcome outcome) {
    Optional<Duration> delay = retryPolicy.retryDelay(request.op(), attempt, outcome);
    if (delay.isEmpty()) {
      return CompletableFuture.completedFuture(new CallResult(outcome, apiCalls(attempt, outcome)));
    }
    return after(delay.get()).thenCompose(ignored -> attempt(request, attempt + 1, refreshedAfter401));
  }

  /** A failed token request is an attempt that made no API call. */
  private static int apiCalls(int attempt, CallOutcome outcome) {
    return outcome instanceof CallOutcome.NoToken ? attempt - 1 : attempt;
  }

  private static CallOutcome noToken(Throwable failure) {
    Throwable cause = failure;
    while (!(cause instanceof TokenException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof TokenException tokenFailure) {
      return new CallOutcome.NoToken(tokenFailure);
    }
    return new CallOutcome.NoToken(new TokenException("token request failed unexpectedly", failure));
  }

  private static CompletableFuture<Void> after(Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      return CompletableFuture.completedFuture(null);
    }
    Executor later = CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS);
    return CompletableFuture.runAsync(() -> {}, later);
  }
}
