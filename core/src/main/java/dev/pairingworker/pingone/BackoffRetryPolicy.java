package dev.pairingworker.pingone;

import dev.pairingworker.command.Op;
import dev.pairingworker.config.AmbiguousCreate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Ping's published retry guidance, bounded per command: retries 408, 429, 500, 502, 503, 504,
 * failures to get an answer and token failures that may heal; never any other answer. Waits are
 * full-jitter exponential backoff, and never shorter than a {@code Retry-After} on a 429 or 503
 * (the token endpoint's included).
 *
 * <p>With a {@code Retry-After} the wait is {@code max(retryAfter + r × baseDelay, backoff)}, one
 * random {@code r} for both: the server's word is a floor, the small spread keeps a crowd told the
 * same second from returning in the same millisecond, and the backoff still grows when the server
 * keeps saying "0".
 *
 * <p>A create that may have reached PingOne without a trustworthy answer (see {@link
 * Outcomes#isAmbiguous}) is retried or answered as {@link RetrySettings#ambiguousCreate()} says.
 * {@link RetryDecision.GiveUp#outcomeUnknown()} describes the last attempt only: with {@code
 * RETRY}, an earlier ambiguous attempt may have left an unclaimed key behind even when the last
 * attempt ended clearly.
 *
 * <p>A 404 is final, except for a key the caller knows it created moments ago ({@link
 * RetryContext#notFoundGraceEnd()}): PingOne's retry guidance counts a resource read right after
 * its creation among the transient 404s. Such a 404 is retried with the usual backoff, the last
 * wait cut short so that the last attempt comes once the grace is over; its 404 is the answer.
 *
 * <p>A pure function of its inputs, the clock and the random source; thread-safe.
 */
public final class BackoffRetryPolicy implements RetryPolicy {
  private final RetrySettings settings;
  private final ExponentialBackoff backoff;
  private final Clock clock;
  private final DoubleSupplier random;

  /**
   * @param random numbers uniformly distributed in [0, 1), for jitter
   */
  public BackoffRetryPolicy(RetrySettings settings, Clock clock, DoubleSupplier random) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.backoff = new ExponentialBackoff(settings.baseDelay(), settings.maxDelay());
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** A policy with real randomness. */
  public static BackoffRetryPolicy of(RetrySettings settings, Clock clock) {
    return new BackoffRetryPolicy(settings, clock, () -> ThreadLocalRandom.current().nextDouble());
  }

  @Override
  public RetryDecision decide(RetryContext context, CallOutcome outcome) {
    if (Outcomes.isSuccess(outcome)) {
      return new RetryDecision.GiveUp(RetryDecision.GiveUp.SUCCESS, false);
    }
    if (withinNotFoundGrace(context, outcome)) {
      return notFoundAgain(context);
    }
    if (!Outcomes.isTransient(outcome)) {
      return new RetryDecision.GiveUp(permanentReason(outcome), false);
    }
    boolean ambiguous = Outcomes.isAmbiguous(context.op(), outcome);
    if (ambiguous && settings.ambiguousCreate() == AmbiguousCreate.ANSWER) {
      return new RetryDecision.GiveUp(RetryDecision.GiveUp.OUTCOME_UNKNOWN, true);
    }
    if (context.attempt() >= settings.maxAttempts()) {
      return new RetryDecision.GiveUp(RetryDecision.GiveUp.MAX_ATTEMPTS, ambiguous);
    }
    Instant now = clock.instant();
    Optional<Duration> retryAfter = retryAfter(outcome, now);
    if (retryAfter.isPresent() && retryAfter.get().compareTo(settings.retryAfterCap()) > 0) {
      return new RetryDecision.GiveUp(RetryDecision.GiveUp.RETRY_AFTER_TOO_LONG, ambiguous);
    }
    Duration delay = delay(context.attempt(), retryAfter);
    Duration remaining =
        Duration.between(now, context.firstAttemptAt().plus(settings.maxTotalTime()));
    if (delay.compareTo(remaining) > 0) {
      return new RetryDecision.GiveUp(RetryDecision.GiveUp.MAX_TOTAL_TIME, ambiguous);
    }
    return new RetryDecision.Retry(delay, Outcomes.reason(outcome));
  }

  private boolean withinNotFoundGrace(RetryContext context, CallOutcome outcome) {
    return context.notFoundGraceEnd() != null
        && outcome instanceof CallOutcome.Answered answered
        && answered.response().status() == 404
        && clock.instant().isBefore(context.notFoundGraceEnd());
  }

  /** Tries a 404 within its grace again, no later than the grace's end. */
  private RetryDecision notFoundAgain(RetryContext context) {
    if (context.attempt() >= settings.maxAttempts()) {
      return new RetryDecision.GiveUp(RetryDecision.GiveUp.MAX_ATTEMPTS, false);
    }
    Duration backoffDelay = backoff.delay(context.attempt(), random.getAsDouble());
    Duration untilGraceEnd = Duration.between(clock.instant(), context.notFoundGraceEnd());
    Duration delay = backoffDelay.compareTo(untilGraceEnd) < 0 ? backoffDelay : untilGraceEnd;
    return new RetryDecision.Retry(delay, "status_404");
  }

  /**
   * The old shape, without the command's start: the total time budget then only stops a single wait
   * longer than the whole budget. Callers that know the first attempt's start should use {@link
   * #decide}.
   */
  @Override
  public Optional<Duration> retryDelay(Op op, int attempt, CallOutcome outcome) {
    return decide(new RetryContext(op, attempt, clock.instant()), outcome).retryDelay();
  }

  private Duration delay(int attempt, Optional<Duration> retryAfter) {
    double fraction = random.getAsDouble();
    Duration backoffDelay = backoff.delay(attempt, fraction);
    if (retryAfter.isEmpty()) {
      return backoffDelay;
    }
    Duration serverDelay =
        retryAfter.get().plus(ExponentialBackoff.scale(settings.baseDelay(), fraction));
    return serverDelay.compareTo(backoffDelay) >= 0 ? serverDelay : backoffDelay;
  }

  /**
   * Only 429 and 503 carry a {@code Retry-After} that means "come back then", from the API or from
   * the token endpoint (whose {@link TokenException#retryAt()} the token provider has capped).
   */
  private static Optional<Duration> retryAfter(CallOutcome outcome, Instant now) {
    if (outcome instanceof CallOutcome.Answered answered) {
      PingOneResponse response = answered.response();
      if (response.status() == 429 || response.status() == 503) {
        return RetryAfter.parse(response.retryAfter(), now);
      }
    }
    if (outcome instanceof CallOutcome.NoToken noToken) {
      return noToken
          .cause()
          .retryAt()
          .map(at -> at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    }
    return Optional.empty();
  }

  private static String permanentReason(CallOutcome outcome) {
    return outcome instanceof CallOutcome.NoToken
        ? RetryDecision.GiveUp.TOKEN_REJECTED
        : RetryDecision.GiveUp.NOT_RETRYABLE;
  }

  @Override
  public String toString() {
    return "BackoffRetryPolicy" + settings;
  }
}
