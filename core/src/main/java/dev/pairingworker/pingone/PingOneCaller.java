package dev.pairingworker.pingone;

import dev.pairingworker.command.Op;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one operation to its end: a call slot, the rate limiter, the token, the call, the single
 * retry after a 401 with a fresh token, and whatever the {@link RetryPolicy} decides. Waits are
 * scheduled, never slept, and a command holds its call slot only while its request is on its way:
 * backing off holds nothing, so it can neither delay the consumer's poll loop nor other users'
 * commands. (Its own user's next command waits: the dispatcher keeps a user's commands in order.)
 */
public final class PingOneCaller {
  private static final Duration BACK_OFF_STEP = Duration.ofMillis(250);

  private final PairingKeysApi api;
  private final TokenProvider tokens;
  private final CallSlots slots;
  private final RateLimiter limiter;
  private final RetryPolicy retryPolicy;
  private final Clock clock;
  private final PingOneObserver observer;
  private final Scheduler scheduler;
  private final RecentKeys recentKeys;

  /** A caller for which every 404 is final (no memory of recently created keys). */
  public PingOneCaller(
      PairingKeysApi api,
      TokenProvider tokens,
      CallSlots slots,
      RateLimiter limiter,
      RetryPolicy retryPolicy,
      Clock clock,
      PingOneObserver observer,
      Scheduler scheduler) {
    this(api, tokens, slots, limiter, retryPolicy, clock, observer, scheduler, RecentKeys.none());
  }

  /**
   * @param recentKeys the keys this caller created moments ago: a get or delete of one answered 404
   *     is given their grace ({@link RetryContext#notFoundGraceEnd()})
   */
  public PingOneCaller(
      PairingKeysApi api,
      TokenProvider tokens,
      CallSlots slots,
      RateLimiter limiter,
      RetryPolicy retryPolicy,
      Clock clock,
      PingOneObserver observer,
      Scheduler scheduler,
      RecentKeys recentKeys) {
    this.api = api;
    this.tokens = tokens;
    this.slots = slots;
    this.limiter = limiter;
    this.retryPolicy = retryPolicy;
    this.clock = clock;
    this.observer = observer;
    this.scheduler = scheduler;
    this.recentKeys = recentKeys;
  }

  /**
   * Obtains a token now, without calling the API, so that readiness reflects PingOne auth before
   * the first command. The outcome is reported to the observer like any token request.
   */
  public CompletableFuture<Void> prefetchToken() {
    return tokens.token().thenAccept(token -> {});
  }

  /**
   * Runs {@code request} to its end for the command {@code context} describes: the future fails
   * with {@link Abandoned} when the context gives the command up before an answer.
   */
  public CompletableFuture<CallResult> call(PingOneRequest request, CallContext context) {
    return new Run(request, clock.instant(), context).attempt(false);
  }

  /** The state of one operation across its attempts. */
  private final class Run {
    final PingOneRequest request;
    final Instant firstAttemptAt;
    final CallContext context;
    boolean prepared;
    int tries;
    int attempts;
    int ambiguousAttempts;

    Run(PingOneRequest request, Instant firstAttemptAt, CallContext context) {
      this.request = request;
      this.firstAttemptAt = firstAttemptAt;
      this.context = context;
    }

    CompletableFuture<CallResult> attempt(boolean refreshedAfter401) {
      if (context.abandoned()) {
        return CompletableFuture.failedFuture(abandoned());
      }
      tries++;
      return slots
          .acquire()
          .thenCompose(
              granted ->
                  context.abandoned()
                      ? abandon()
                      : prepared().thenCombine(after(limiter.reserve()), (done, paced) -> paced))
          .thenCompose(paced -> admitted())
          .thenCompose(ready -> tokens.token())
          // The last look before the wire: the pacing, admission and token waits may have been
          // long, and a command whose partition went meanwhile must not reach PingOne.
          .thenCompose(token -> context.abandoned() ? abandon() : send(token))
          .handle(
              (outcome, failure) -> {
                if (failure != null && rootCause(failure) instanceof Abandoned) {
                  throw abandoned(); // the slot was given back already
                }
                slots.release();
                if (failure != null && failure.getCause() instanceof Abandoned unprepared) {
                  throw unprepared; // beforeFirstSend failed: nothing was sent
                }
                return failure == null ? outcome : noToken(failure);
              })
          .thenCompose(outcome -> next(outcome, refreshedAfter401));
    }

    /** Given up now, with the attempts of unknown outcome made so far. */
    private Abandoned abandoned() {
      return new Abandoned(ambiguousAttempts);
    }

    /**
     * Gives the slot just granted back and stops: the partition is gone, the record will be
     * redelivered.
     */
    private <T> CompletableFuture<T> abandon() {
      slots.release();
      return CompletableFuture.failedFuture(abandoned());
    }

    /** Runs the context's {@code beforeFirstSend} the first time only. */
    private CompletableFuture<Void> prepared() {
      if (prepared) {
        return CompletableFuture.completedFuture(null);
      }
      prepared = true;
      CompletableFuture<Void> done;
      try {
        done = context.beforeFirstSend();
      } catch (RuntimeException e) {
        done = CompletableFuture.failedFuture(e);
      }
      return done.handle(
          (ok, failure) -> {
            if (failure != null) {
              throw new Abandoned(failure);
            }
            return null;
          });
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
          retryPolicy.decide(
              new RetryContext(
                  request.op(), tries, firstAttemptAt, recentKeys.graceEnd(request.pairingKeyId())),
              outcome);
      if (decision instanceof RetryDecision.Retry retry) {
        if (Outcomes.isAmbiguous(request.op(), outcome)) {
          ambiguousAttempts++;
        }
        observer.retry(request.op(), retry.reason());
        return backOff(retry.delay()).thenCompose(ignored -> attempt(refreshedAfter401));
      }
      RetryDecision.GiveUp giveUp = (RetryDecision.GiveUp) decision;
      if (RetryDecision.GiveUp.SUCCESS.equals(giveUp.reason())) {
        remember(((CallOutcome.Answered) outcome).response());
      } else {
        observer.gaveUp(request.op(), giveUp.reason(), giveUp.outcomeUnknown());
      }
      return CompletableFuture.completedFuture(
          new CallResult(
              outcome, attempts, giveUp.outcomeUnknown(), ambiguousAttempts, giveUp.reason()));
    }

    /** A key created is remembered for its grace; a key deleted is forgotten. */
    private void remember(PingOneResponse response) {
      if (request.op() == Op.CREATE) {
        recentKeys.created(response.body());
      } else if (request.op() == Op.DELETE) {
        recentKeys.deleted(request.pairingKeyId());
      }
    }

    /**
     * Waits {@code delay} in short steps, so a revoked partition does not wait out a long back-off.
     */
    private CompletableFuture<Void> backOff(Duration delay) {
      if (context.abandoned()) {
        return CompletableFuture.failedFuture(abandoned());
      }
      if (delay.isZero() || delay.isNegative()) {
        return CompletableFuture.completedFuture(null);
      }
      Duration step = delay.compareTo(BACK_OFF_STEP) < 0 ? delay : BACK_OFF_STEP;
      return after(step).thenCompose(ignored -> backOff(delay.minus(step)));
    }
  }

  /** Waits until the rate limiter admits the call (usually at once, after the paced wait). */
  private CompletableFuture<Void> admitted() {
    Duration wait = limiter.admit();
    return wait.isZero()
        ? CompletableFuture.completedFuture(null)
        : after(wait).thenCompose(x -> admitted());
  }

  /** One attempt's outcome and the token it used (null when no token could be had). */
  private record Attempt(CallOutcome outcome, AccessToken token) {}

  private static Throwable rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

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

  private CompletableFuture<Void> after(Duration delay) {
    return scheduler.after(delay);
  }
}
