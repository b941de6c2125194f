package dev.pairingworker.pingone;

import static dev.pairingworker.pingone.OutcomesTest.answered;
import static dev.pairingworker.pingone.OutcomesTest.neverSent;
import static dev.pairingworker.pingone.OutcomesTest.noToken;
import static dev.pairingworker.pingone.OutcomesTest.sentButUnanswered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pairingworker.command.Op;
import dev.pairingworker.config.AmbiguousCreate;
import dev.pairingworker.pingone.RetryDecision.GiveUp;
import dev.pairingworker.pingone.RetryDecision.Retry;
import dev.pairingworker.simulator.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffRetryPolicyTest {
  private final MutableClock clock = MutableClock.at("2026-11-29T10:15:30Z");
  private final Instant start = clock.instant();
  private final RetrySettings defaults = RetrySettings.defaults();

  @Test
  void aSuccessEndsTheCommand() {
    assertThat(decide(Op.CREATE, 1, answered(201))).isEqualTo(new GiveUp(GiveUp.SUCCESS, false));
  }

  @Test
  void neverRetriesA404() {
    assertThat(decide(Op.GET, 1, answered(404))).isEqualTo(new GiveUp(GiveUp.NOT_RETRYABLE, false));
  }

  @Test
  void neverRetriesAnyOther4xxOr501() {
    for (int status : new int[] {400, 403, 405, 409, 415, 422, 501}) {
      assertThat(decide(Op.GET, 1, answered(status)))
          .as("HTTP %d", status)
          .isEqualTo(new GiveUp(GiveUp.NOT_RETRYABLE, false));
    }
  }

  @Test
  void a401ThatReachesThePolicyHasAlreadyHadItsFreshTokenAndIsNotRetried() {
    assertThat(decide(Op.DELETE, 2, answered(401)))
        .isEqualTo(new GiveUp(GiveUp.NOT_RETRYABLE, false));
  }

  @Test
  void retriesPingsTransientStatusesWithFullJitterBackoffNamedByStatus() {
    for (int status : new int[] {408, 429, 500, 502, 503, 504}) {
      assertThat(decide(Op.GET, 1, answered(status)))
          .as("HTTP %d", status)
          .isEqualTo(new Retry(Duration.ofMillis(100), "status_" + status));
    }
  }

  @Test
  void retriesAnIoErrorOfARead() {
    assertThat(decide(Op.GET, 3, sentButUnanswered()))
        .isEqualTo(new Retry(Duration.ofMillis(400), "io_error"));
  }

  @Test
  void theBackoffDoublesWithEachAttemptUpToMaxDelay() {
    assertThat(decide(Op.GET, 1, answered(500)).retryDelay()).contains(Duration.ofMillis(100));
    assertThat(decide(Op.GET, 2, answered(500)).retryDelay()).contains(Duration.ofMillis(200));
    assertThat(decide(Op.GET, 5, answered(500)).retryDelay()).contains(Duration.ofMillis(1600));
    RetrySettings patient = defaults.withMaxAttempts(20).withMaxTotalTime(Duration.ofHours(1));
    assertThat(decide(patient, 0.5, Op.GET, 15, answered(500)).retryDelay())
        .contains(Duration.ofSeconds(15));
  }

  @Test
  void fullJitterStaysWithinTheExponentialCap() {
    RetrySettings patient = defaults.withMaxAttempts(100).withMaxTotalTime(Duration.ofHours(1));
    for (int attempt = 1; attempt < 100; attempt++) {
      Duration cap = Duration.ofMillis(Math.min(30_000, 200L << Math.min(attempt - 1, 8)));
      assertThat(decide(patient, 0.0, Op.GET, attempt, answered(503)).retryDelay())
          .contains(Duration.ZERO);
      assertThat(decide(patient, 0.999_999, Op.GET, attempt, answered(503)).retryDelay())
          .hasValueSatisfying(delay -> assertThat(delay).isLessThan(cap).isPositive());
    }
  }

  @Test
  void retries503NoSoonerThanItsRetryAfterSeconds() {
    assertThat(decide(Op.GET, 1, answered(503, "5")))
        .isEqualTo(new Retry(Duration.ofMillis(5_100), "status_503"));
    assertThat(decide(0.0, Op.GET, 1, answered(429, "5")))
        .isEqualTo(new Retry(Duration.ofSeconds(5), "status_429"));
  }

  @Test
  void aTokenEndpointsRetryAfterIsWaitedOutLikeTheApis() {
    CallOutcome limited =
        new CallOutcome.NoToken(new TokenException(429, "limited", clock.instant().plusSeconds(7)));
    assertThat(decide(0.0, Op.CREATE, 1, limited))
        .isEqualTo(new Retry(Duration.ofSeconds(7), "token_unavailable"));
    CallOutcome past =
        new CallOutcome.NoToken(new TokenException(503, "busy", clock.instant().minusSeconds(1)));
    assertThat(decide(Op.GET, 1, past).retryDelay()).contains(Duration.ofMillis(100));
  }

  @Test
  void honoursRetryAfterAsHttpDate() {
    assertThat(decide(0.0, Op.DELETE, 1, answered(429, "Sun, 29 Nov 2026 10:15:42 GMT")))
        .isEqualTo(new Retry(Duration.ofSeconds(12), "status_429"));
  }

  @Test
  void aShortRetryAfterDoesNotShortenTheGrowingBackoff() {
    assertThat(decide(Op.GET, 7, answered(429, "0")).retryDelay())
        .contains(Duration.ofMillis(6_400));
  }

  @Test
  void ignoresRetryAfterOnStatusesThatDoNotPromiseIt() {
    assertThat(decide(Op.GET, 1, answered(500, "60")).retryDelay())
        .contains(Duration.ofMillis(100));
  }

  @Test
  void aGarbageRetryAfterFallsBackToBackoff() {
    assertThat(decide(Op.GET, 1, answered(503, "later, please")).retryDelay())
        .contains(Duration.ofMillis(100));
  }

  @Test
  void givesUpWhenRetryAfterExceedsItsCap() {
    RetrySettings patient = defaults.withMaxTotalTime(Duration.ofHours(1));
    assertThat(decide(patient, 0.5, Op.GET, 1, answered(429, "121")))
        .isEqualTo(new GiveUp(GiveUp.RETRY_AFTER_TOO_LONG, false));
    assertThat(decide(patient, 0.0, Op.GET, 1, answered(429, "120")).retryDelay())
        .contains(Duration.ofSeconds(120));
  }

  @Test
  void givesUpWhenRetryAfterExceedsTheRemainingTime() {
    clock.advance(Duration.ofSeconds(100));
    assertThat(decide(0.0, Op.GET, 2, answered(429, "21")))
        .isEqualTo(new GiveUp(GiveUp.MAX_TOTAL_TIME, false));
    assertThat(decide(0.0, Op.GET, 2, answered(429, "20")).retryDelay())
        .contains(Duration.ofSeconds(20));
  }

  @Test
  void givesUpWhenTheNextAttemptWouldStartAfterTheTimeBudget() {
    clock.advance(Duration.ofMinutes(2).minusMillis(99));
    assertThat(decide(Op.GET, 1, answered(500)))
        .isEqualTo(new GiveUp(GiveUp.MAX_TOTAL_TIME, false));
  }

  @Test
  void givesUpAfterMaxAttempts() {
    assertThat(decide(Op.GET, 15, answered(503))).isInstanceOf(Retry.class);
    assertThat(decide(Op.GET, 16, answered(503))).isEqualTo(new GiveUp(GiveUp.MAX_ATTEMPTS, false));
  }

  @Test
  void anAmbiguousCreateIsAnsweredWhenConfiguredSo() {
    RetrySettings answering = defaults.withAmbiguousCreate(AmbiguousCreate.ANSWER);
    GiveUp unknown = new GiveUp(GiveUp.OUTCOME_UNKNOWN, true);
    assertThat(decide(answering, 0.5, Op.CREATE, 1, sentButUnanswered())).isEqualTo(unknown);
    assertThat(decide(answering, 0.5, Op.CREATE, 1, answered(502))).isEqualTo(unknown);
    assertThat(decide(answering, 0.5, Op.CREATE, 1, answered(504))).isEqualTo(unknown);
  }

  @Test
  void anAmbiguousCreateIsRetriedByDefault() {
    assertThat(decide(Op.CREATE, 1, sentButUnanswered()))
        .isEqualTo(new Retry(Duration.ofMillis(100), "io_error"));
    assertThat(decide(Op.CREATE, 1, answered(504)))
        .isEqualTo(new Retry(Duration.ofMillis(100), "status_504"));
  }

  @Test
  void anAmbiguousCreateThatRunsOutOfAttemptsHasAnUnknownOutcome() {
    assertThat(decide(Op.CREATE, 16, sentButUnanswered()))
        .isEqualTo(new GiveUp(GiveUp.MAX_ATTEMPTS, true));
  }

  @Test
  void a404WithinTheNotFoundGraceIsRetriedAndTheLastAttemptComesOnceTheGraceIsOver() {
    Instant graceEnd = start.plusMillis(150);
    assertThat(decideWithGrace(Op.GET, 1, graceEnd))
        .as("backoff (100 ms) ends before the grace")
        .isEqualTo(new Retry(Duration.ofMillis(100), "status_404"));
    assertThat(decideWithGrace(Op.DELETE, 2, graceEnd))
        .as("backoff (200 ms) would end after the grace: wait only until it is over")
        .isEqualTo(new Retry(Duration.ofMillis(150), "status_404"));
    assertThat(decideWithGrace(Op.GET, 3, start))
        .as("the grace is over: the 404 is the answer")
        .isEqualTo(new GiveUp(GiveUp.NOT_RETRYABLE, false));
    assertThat(decide(Op.DELETE, 1, answered(404)))
        .as("no grace (a key this worker did not just create)")
        .isEqualTo(new GiveUp(GiveUp.NOT_RETRYABLE, false));
    assertThat(decideWithGrace(Op.GET, 16, graceEnd))
        .as("the attempt limit still holds")
        .isEqualTo(new GiveUp(GiveUp.MAX_ATTEMPTS, false));
  }

  @Test
  void onlyA404IsGivenGrace() {
    Instant graceEnd = start.plusSeconds(2);
    BackoffRetryPolicy policy = new BackoffRetryPolicy(defaults, clock, () -> 0.5);
    assertThat(policy.decide(new RetryContext(Op.GET, 1, start, graceEnd), answered(400)))
        .isEqualTo(new GiveUp(GiveUp.NOT_RETRYABLE, false));
    assertThat(policy.decide(new RetryContext(Op.GET, 1, start, graceEnd), answered(200)))
        .isEqualTo(new GiveUp(GiveUp.SUCCESS, false));
  }

  @Test
  void aConnectRefusedCreateIsRetriedBecauseItNeverReachedPingOne() {
    assertThat(decide(Op.CREATE, 1, neverSent()))
        .isEqualTo(new Retry(Duration.ofMillis(100), "io_error"));
  }

  @Test
  void aCreateRefusedWithA429Or503OrAnswered500IsRetriedUnderTheNormalRules() {
    assertThat(decide(Op.CREATE, 1, answered(429, "1")).retryDelay())
        .contains(Duration.ofMillis(1_100));
    assertThat(decide(Op.CREATE, 1, answered(503)).retryDelay()).contains(Duration.ofMillis(100));
    assertThat(decide(Op.CREATE, 1, answered(500)).retryDelay()).contains(Duration.ofMillis(100));
  }

  @Test
  void readsAndDeletesAreRetriedAfterATimeoutEvenWhenAmbiguousCreatesAreAnswered() {
    assertThat(decide(Op.GET, 1, sentButUnanswered())).isInstanceOf(Retry.class);
    assertThat(decide(Op.DELETE, 1, answered(504))).isInstanceOf(Retry.class);
  }

  @Test
  void badCredentialsAreNotRetried() {
    assertThat(decide(Op.CREATE, 1, noToken(401)))
        .isEqualTo(new GiveUp(GiveUp.TOKEN_REJECTED, false));
    assertThat(decide(Op.CREATE, 1, noToken(400)))
        .isEqualTo(new GiveUp(GiveUp.TOKEN_REJECTED, false));
  }

  @Test
  void aTokenEndpointThatIsDownOrBusyIsRetried() {
    for (int status : new int[] {0, 429, 500, 503}) {
      assertThat(decide(Op.CREATE, 1, noToken(status)))
          .as("token endpoint status %d", status)
          .isEqualTo(new Retry(Duration.ofMillis(100), "token_unavailable"));
    }
  }

  @Test
  void theOldRetryDelayShapeGivesTheSameWaitWithoutATimeBudget() {
    BackoffRetryPolicy policy = new BackoffRetryPolicy(defaults, clock, () -> 0.5);
    assertThat(policy.retryDelay(Op.GET, 2, answered(503))).contains(Duration.ofMillis(200));
    assertThat(policy.retryDelay(Op.GET, 16, answered(503))).isEmpty();
    assertThat(policy.retryDelay(Op.GET, 1, answered(404))).isEmpty();
  }

  @Test
  void aPlainPolicyStillExplainsItsDecisions() {
    RetryContext first = new RetryContext(Op.CREATE, 1, start);
    RetryPolicy never = (op, attempt, outcome) -> Optional.empty();
    assertThat(never.decide(first, answered(201))).isEqualTo(new GiveUp(GiveUp.SUCCESS, false));
    assertThat(never.decide(first, sentButUnanswered()))
        .isEqualTo(new GiveUp(GiveUp.NOT_RETRYABLE, true));
    RetryPolicy always = (op, attempt, outcome) -> Optional.of(Duration.ofSeconds(1));
    assertThat(always.decide(first, answered(503)))
        .isEqualTo(new Retry(Duration.ofSeconds(1), "status_503"));
  }

  private RetryDecision decideWithGrace(Op op, int attempt, Instant graceEnd) {
    BackoffRetryPolicy policy = new BackoffRetryPolicy(defaults, clock, () -> 0.5);
    return policy.decide(new RetryContext(op, attempt, start, graceEnd), answered(404));
  }

  private RetryDecision decide(Op op, int attempt, CallOutcome outcome) {
    return decide(defaults, 0.5, op, attempt, outcome);
  }

  private RetryDecision decide(double random, Op op, int attempt, CallOutcome outcome) {
    return decide(defaults, random, op, attempt, outcome);
  }

  private RetryDecision decide(
      RetrySettings settings, double random, Op op, int attempt, CallOutcome outcome) {
    BackoffRetryPolicy policy = new BackoffRetryPolicy(settings, clock, () -> random);
    return policy.decide(new RetryContext(op, attempt, start), outcome);
  }
}
