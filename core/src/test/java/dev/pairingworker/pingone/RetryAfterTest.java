package dev.pairingworker.pingone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2026-11-29T10:15:30Z");

  @Test
  void readsDeltaSeconds() {
    assertThat(RetryAfter.parse("7", NOW)).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
  }

  @Test
  void readsAnImfFixdateAsTheTimeLeftUntilIt() {
    assertThat(RetryAfter.parse("Sun, 29 Nov 2026 10:16:00 GMT", NOW))
        .contains(Duration.ofSeconds(30));
  }

  @Test
  void readsTheObsoleteRfc850AndAsctimeDates() {
    assertThat(RetryAfter.parse("Sunday, 29-Nov-26 10:15:45 GMT", NOW))
        .contains(Duration.ofSeconds(15));
    assertThat(RetryAfter.parse("Sun Nov 29 10:15:40 2026", NOW)).contains(Duration.ofSeconds(10));
    assertThat(RetryAfter.parse("Tue Dec  1 10:15:30 2026", NOW)).contains(Duration.ofDays(2));
  }

  @Test
  void aTwoDigitYearMoreThanFiftyYearsAheadIsInThePastCentury() {
    assertThat(RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void aDateInThePastMeansNoWait() {
    assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void doesNotCheckTheRedundantDayName() {
    assertThat(RetryAfter.parse("Mon, 29 Nov 2026 10:16:00 GMT", NOW))
        .contains(Duration.ofSeconds(30));
  }

  @Test
  void anAbsurdlyLongNumberMeansForeverRatherThanOverflowing() {
    assertThat(RetryAfter.parse("99999999999999999999999", NOW))
        .contains(Duration.ofSeconds(Long.MAX_VALUE));
  }

  @Test
  void ignoresAbsentAndGarbageHeaders() {
    assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    assertThat(RetryAfter.parse("", NOW)).isEmpty();
    assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
    assertThat(RetryAfter.parse("1.5", NOW)).isEmpty();
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse("Sun, 31 Nov 2026 10:16:00 GMT", NOW)).isEmpty();
    assertThat(RetryAfter.parse("Sun, 29 Nov 2026 25:16:00 GMT", NOW)).isEmpty();
    assertThat(RetryAfter.parse("2026-11-29T10:16:00Z", NOW)).isEmpty();
  }
}
