package dev.pairingworker.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SteadyRateTest {
  private static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");

  @Test
  void anEvenRunIsMeasuredAtItsRate() {
    List<Instant> arrivals = new ArrayList<>();
    for (int i = 0; i <= 1000; i++) {
      arrivals.add(T0.plusMillis(2L * i)); // 500/s for 2 s
    }
    assertThat(SteadyRate.of(arrivals)).isCloseTo(500, within(1.0));
  }

  @Test
  void aLateStragglerAfterARetryAfterDoesNotCountAgainstTheSteadyRate() {
    List<Instant> arrivals = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      arrivals.add(T0.plusMillis(2L * i)); // 500/s for 20 s
    }
    arrivals.add(T0.plusSeconds(21)); // retried a second after the rest
    double overall = arrivals.size() / 21.0;

    assertThat(overall).isLessThan(477);
    assertThat(SteadyRate.of(arrivals)).isCloseTo(500, within(25.0));
  }

  @Test
  void tooFewArrivalsHaveNoRate() {
    assertThat(SteadyRate.of(List.of())).isZero();
    assertThat(SteadyRate.of(List.of(T0, T0))).isZero();
  }
}
