package dev.pairingworker.pingone;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Runs one operation to its end: a call slot, the rate limiter, the token, the call, the single retry after a
 * 401 with a fresh token, and whatever the {@link RetryPolicy} decides. Waits are scheduled, never slept, and
 * a command holds its call slot only while its request is on its way: backing off holds nothing, so it can
 * neither delay the consumer's poll loop nor other users' commands. (Its own user's next command waits: the
 * dispatcher keeps a user's commands in order.)
 */
public final class PingOneCaller {
  private final PairingKeysApi api;
  private final TokenProvider tokens;
  private final CallSlots slots;
  private final RateLimiter limiter;
  private final RetryPolicy retryPolicy;
  private final Clock clock;
  private final PingOneObserver observer;

  public PingOneCaller(
      PairingKeysApi api,
      TokenProvider tokens,
      CallSlots slots,
      RateLimiter limiter,
      RetryPolicy retryPolicy,
      Clock clock,
      PingOneObserver observer) {
    this.api = api;
    this.tokens = tokens;
    this.slots = slots;
    this.limiter = limiter;
    this.retryPolicy = retryPolicy;
    this.clock = clock;
    this.observer = observer;
  }

  public CompletableFuture<CallResult> call(PingOneRequest request) {
    return new Run(request, clock.instant()).attempt(false);
  }

  /** The state of one operation across its attempts. */
  private final class Run {
    final PingOneRequest request;
    final Instant firstAttemptAt;
    int attempts;
    int ambiguousAttempts;

    Run(PingOneRequest request, Instant firstAttemptAt) {
      this.request = request;
      this.firstAttemptAt = firstAttemptAt;
    }

    CompletableFuture<CallResult> attempt(boolean refreshedAfter401) {
      return slots
          .acquire()
          .thenCompose(granted -> after(limiter.reserve()))
          .thenCompose(ready -> tokens.token())
          .thenCompose(token -> send(token))
          .handle(
              (outcome, failure) -> {
                slots.release();
                return failure == null ? outcome : noToken(failure);
              })
          .thenCompose(outcome -> next(outcome, refreshedAfter401));
    }

    private CompletableFuture<Attempt> send(AccessToken token) {
      attempts++;
      return api.send(request, token).thenApply(outcome -> new Attempt(outcome, token));
    }

    private CompletableFuture<CallResult> next(Attempt attempt, boolean refreshedAfter401) {
      CallOutcome outcome = attempt.outcome();
      if (outcome instanceof CallOutcome.Answered answered) {
        limiter.onAnswer(answered.response().status());
        if (answered.response().status() == 401 && !refreshedAfter401) {
          return tokens
              .replace(attempt.token())
              .handle((token, failure) -> null)
              .thenCompose(ignored -> attempt(true));
        }
      }
      RetryDecision decision =
          retryPolicy.decide(new RetryContext(request.op(), attempts, firstAttemptAt), outcome);
      if (decision instanceof RetryDecision.Retry retry) {
        if (Outcomes.isAmbiguous(request.op(), outcome)) {
          ambiguousAttempts++;
        }
        observer.retry(request.op(), retry.reason());
        return after(retry.delay()).thenCompose(ignored -> attempt(refreshedAfter401));
      }
      RetryDecision.GiveUp giveUp = (RetryDecision.GiveUp) decision;
      if (!RetryDecision.GiveUp.SUCCESS.equals(giveUp.reason())) {
        observer.gaveUp(request.op(), giveUp.reason(), giveUp.outcomeUnknown());
      }
      return CompletableFuture.completedFuture(
          new CallResult(outcome, attempts, giveUp.outcomeUnknown(), ambiguousAttempts, giveUp.reason()));
    }
  }

  /** One attempt's outcome and the token it used (null when no token could be had). */
  private record Attempt(CallOutcome outcome, AccessToken token) {}

  private static Attempt noToken(Throwable failure) {
    Throwable cause = failure;
    while (!(cause instanceof TokenException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    TokenException tokenFailure =
        cause instanceof TokenException t
            ? t
            : new TokenException("token request failed unexpectedly", failure);
    return new Attempt(new CallOutcome.NoToken(tokenFailure), null);
  }

  private static CompletableFuture<Void> after(Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      return CompletableFuture.completedFuture(null);
    }
    Executor later = CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS);
    return CompletableFuture.runAsync(() -> {}, later);
  }
}
