package dev.pairingworker.pingone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pairingworker.simulator.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AdaptiveRateLimiterTest {
  private static final Duration TWO_MS = Duration.ofMillis(2);

  private final MutableClock clock = MutableClock.at("2026-11-29T10:15:30Z");

  @Test
  void pacesAtItsShareOfTheLimitAndFollowsTheShareWhenItChanges() {
    AdaptiveRateLimiter limiter = limiter(300);
    limiter.share(4.0 / 12);
    assertThat(limiter.currentRate()).isCloseTo(100, within(1e-9));
    assertThat(reserve(limiter, 200).get(199))
        .as("100/s with a 50 ms burst: the 200th send waits ~1.95 s")
        .isBetween(Duration.ofMillis(1940), Duration.ofMillis(1960));

    limiter.share(6.0 / 12); // a worker left: this one took two more partitions
    assertThat(limiter.currentRate()).isCloseTo(150, within(1e-9));
    limiter.share(1);
    assertThat(limiter.currentRate()).isCloseTo(300, within(1e-9));
  }

  @Test
  void aRateCutByA429KeepsItsProportionWhenTheShareChanges() {
    AdaptiveRateLimiter limiter =
        new AdaptiveRateLimiter(RateLimitSettings.forPingOneLimit(300), clock);
    for (int i = 0; i < 20; i++) {
      limiter.onAnswer(429); // every answer of the last second a 429: one cut
    }
    double cut = limiter.currentRate();
    assertThat(cut).isLessThan(300 * 0.98);

    limiter.share(0.5);
    assertThat(limiter.currentRate()).isCloseTo(cut / 2, within(1e-9));
    clock.advance(Duration.ofSeconds(60));
    assertThat(limiter.currentRate())
        .as("climbs back to its share, not beyond")
        .isCloseTo(300 * 0.98 / 2, within(1e-9));
  }

  @Test
  void aShareOutsideZeroToOneIsRefused() {
    AdaptiveRateLimiter limiter = limiter(300);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> limiter.share(0))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> limiter.share(1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void letsABurstOfFiftyMillisecondsWorthThroughAtOnce() {
    AdaptiveRateLimiter limiter = limiter(500);
    List<Duration> waits = reserve(limiter, 26);
    assertThat(waits.subList(0, 25)).containsOnly(Duration.ZERO);
    assertThat(waits.get(25)).isEqualTo(TWO_MS);
  }

  @Test
  void aSlowRateStillLetsOneCallThroughAtOnce() {
    AdaptiveRateLimiter limiter = limiter(10);
    assertThat(reserve(limiter, 3))
        .containsExactly(Duration.ZERO, Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void spacesCallsAtTheConfiguredRate() {
    List<Duration> waits = reserve(limiter(500), 1_000);
    assertThat(waits.get(999)).isEqualTo(Duration.ofMillis(999 * 2 - 48));
    for (int i = 26; i < 1_000; i++) {
      assertThat(waits.get(i).minus(waits.get(i - 1))).isEqualTo(TWO_MS);
    }
  }

  @Test
  void neverSendsMoreThanTheLimitPlusTheBurstInAnyOneSecond() {
    AdaptiveRateLimiter limiter = limiter(500);
    List<Long> sendTimes = new ArrayList<>();
    for (int i = 0; i < 6_000; i++) {
      long nowNanos = i * 500_000L;
      sendTimes.add(nowNanos + limiter.reserve().toNanos());
      clock.advance(Duration.ofNanos(500_000));
    }
    Collections.sort(sendTimes);
    int end = 0;
    for (int start = 0; start < sendTimes.size(); start++) {
      while (end < sendTimes.size() && sendTimes.get(end) < sendTimes.get(start) + 1_000_000_000L) {
        end++;
      }
      assertThat(end - start).isLessThanOrEqualTo(500 + 25);
    }
  }

  @Test
  void anIdleLimiterHasNoBacklogAndABusyOneShowsIt() {
    AdaptiveRateLimiter limiter = limiter(500);
    assertThat(limiter.backlog()).isEqualTo(Duration.ZERO);
    reserve(limiter, 100);
    assertThat(limiter.backlog()).isEqualTo(Duration.ofMillis(200));
    clock.advance(Duration.ofSeconds(1));
    assertThat(limiter.backlog()).isEqualTo(Duration.ZERO);
  }

  @Test
  void a429CutsTheRateByTheFactor() {
    AdaptiveRateLimiter limiter = limiter(100);
    limiter.onAnswer(429);
    assertThat(limiter.currentRate()).isCloseTo(70, within(1e-9));
  }

  @Test
  void aBurstOf429sCutsOnlyOncePerCooldown() {
    AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(steady(100), clock);
    for (int i = 0; i < 10; i++) {
      limiter.onAnswer(429);
      clock.advance(Duration.ofMillis(99));
    }
    assertThat(limiter.currentRate()).isCloseTo(70, within(1e-9));
    clock.advance(Duration.ofMillis(10));
    limiter.onAnswer(429);
    assertThat(limiter.currentRate()).isCloseTo(49, within(1e-9));
  }

  @Test
  void theRateNeverFallsBelowTheMinimum() {
    AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(steady(100), clock);
    for (int i = 0; i < 20; i++) {
      limiter.onAnswer(429);
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(limiter.currentRate()).isEqualTo(10);
  }

  @Test
  void theRateClimbsBackToTheLimitOnce429sStop() {
    AdaptiveRateLimiter limiter = limiter(100);
    limiter.onAnswer(429);
    clock.advance(Duration.ofSeconds(2));
    limiter.onAnswer(200);
    assertThat(limiter.currentRate()).isCloseTo(80, within(1e-9));
    clock.advance(Duration.ofSeconds(4));
    assertThat(limiter.currentRate()).isEqualTo(100);
    clock.advance(Duration.ofMinutes(1));
    assertThat(limiter.currentRate()).isEqualTo(100);
  }

  @Test
  void otherAnswersDoNotCut() {
    AdaptiveRateLimiter limiter = limiter(100);
    for (int status : new int[] {200, 201, 204, 400, 404, 500, 503}) {
      limiter.onAnswer(status);
    }
    assertThat(limiter.currentRate()).isEqualTo(100);
  }

  @Test
  void aCutRateSpacesCallsFurtherApart() {
    AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(steady(100), clock);
    limiter.onAnswer(429);
    List<Duration> waits = reserve(limiter, 5);
    assertThat(waits.get(4).minus(waits.get(3))).isEqualTo(Duration.ofNanos(14_285_715));
  }

  @Test
  void threadsReservingTogetherGetEverySlotExactlyOnce() throws Exception {
    AdaptiveRateLimiter limiter = limiter(500);
    int threads = 4;
    int perThread = 2_500;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<Duration>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(pool.submit(() -> awaitThenReserve(go, limiter, perThread)));
      }
      go.countDown();
      List<Duration> all = new ArrayList<>();
      for (Future<List<Duration>> result : results) {
        all.addAll(result.get(30, TimeUnit.SECONDS));
      }
      Collections.sort(all);
      List<Duration> oneThreadAlone =
          reserve(new AdaptiveRateLimiter(RateLimitSettings.of(500), clock), threads * perThread);
      assertThat(all).isEqualTo(oneThreadAlone);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void lateWakeUpsAreNotSentAsABurstPastTheOneSecondWindow() {
    AdaptiveRateLimiter limiter =
        new AdaptiveRateLimiter(RateLimitSettings.forPingOneLimit(100), clock);
    // 98 sends admitted in the first tenth of a second, as after a stall...
    int admitted = 0;
    for (int i = 0; i < 150; i++) {
      if (limiter.admit().isZero()) {
        admitted++;
      }
    }
    assertThat(admitted).isEqualTo(98);
    // ...and the next one only when the first leaves the window.
    assertThat(limiter.admit()).isEqualTo(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(limiter.admit()).isZero();
  }

  @Test
  void pacesAtNinetyEightPercentOfPingOnesLimitWithoutBurst() {
    AdaptiveRateLimiter limiter =
        new AdaptiveRateLimiter(RateLimitSettings.forPingOneLimit(500), clock);
    assertThat(limiter.currentRate()).isCloseTo(490.0, org.assertj.core.data.Offset.offset(0.001));
    assertThat(limiter.reserve()).isZero();
    assertThat(limiter.reserve()).isPositive();
  }

  @Test
  void forPingOneTheOdd429AmongManyAnswersDoesNotCut() {
    AdaptiveRateLimiter limiter =
        new AdaptiveRateLimiter(RateLimitSettings.forPingOneLimit(500), clock);
    for (int i = 0; i < 100; i++) {
      limiter.onAnswer(201);
      clock.advance(Duration.ofMillis(2));
    }
    for (int i = 0; i < 5; i++) {
      limiter.onAnswer(429); // at most 5 of 105: under 5 %
    }
    assertThat(limiter.currentRate()).isCloseTo(490, within(1e-9));
    limiter.onAnswer(429); // 6 of 106
    assertThat(limiter.currentRate()).isCloseTo(490 * 0.9, within(1e-9));
  }

  @Test
  void forPingOneALimitSharedWithOtherClientsSettlesWhereFew429sComeBack() {
    AdaptiveRateLimiter limiter =
        new AdaptiveRateLimiter(RateLimitSettings.forPingOneLimit(500), clock);
    // PingOne lets this worker have 300/s of the 490 it paces at: the rest is answered 429.
    for (int tick = 0; tick < 600; tick++) {
      answerOneTick(limiter, 300);
    }
    double settled = limiter.currentRate();
    assertThat(settled).isBetween(250.0, 320.0);
    // The other clients stop: the worker climbs back to its pace.
    for (int tick = 0; tick < 100; tick++) {
      answerOneTick(limiter, 500);
    }
    assertThat(limiter.currentRate()).isCloseTo(490, within(1e-9));
  }

  /**
   * 100 ms of answers at the limiter's current rate from a server that admits {@code capacity}/s.
   */
  private void answerOneTick(AdaptiveRateLimiter limiter, double capacity) {
    int sent = (int) Math.round(limiter.currentRate() / 10);
    int admitted = (int) Math.min(sent, Math.round(capacity / 10));
    for (int i = 0; i < sent; i++) {
      limiter.onAnswer(i < admitted ? 201 : 429);
    }
    clock.advance(Duration.ofMillis(100));
  }

  @Test
  void noLimitConfiguredMeansNoWaiting() {
    RateLimiter unlimited = RateLimiter.adaptive(0, clock);
    for (int i = 0; i < 1_000; i++) {
      assertThat(unlimited.reserve()).isEqualTo(Duration.ZERO);
    }
    assertThat(RateLimiter.adaptive(-1, clock).reserve()).isEqualTo(Duration.ZERO);
    assertThat(RateLimiter.adaptive(5, clock)).isInstanceOf(AdaptiveRateLimiter.class);
  }

  private AdaptiveRateLimiter limiter(double limit) {
    return new AdaptiveRateLimiter(RateLimitSettings.of(limit), clock);
  }

  /** The defaults without recovery, so a test can watch cuts alone. */
  private static RateLimitSettings steady(double limit) {
    RateLimitSettings defaults = RateLimitSettings.of(limit);
    return new RateLimitSettings(
        limit,
        defaults.minRate(),
        0,
        defaults.decreaseFactor(),
        defaults.cooldown(),
        defaults.burstWindow(),
        0);
  }

  private static List<Duration> awaitThenReserve(CountDownLatch go, RateLimiter limiter, int count)
      throws InterruptedException {
    assertThat(go.await(10, TimeUnit.SECONDS)).isTrue();
    return reserve(limiter, count);
  }

  private static List<Duration> reserve(RateLimiter limiter, int count) {
    List<Duration> waits = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      waits.add(limiter.reserve());
    }
    return waits;
  }
}
