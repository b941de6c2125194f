package dev.pairingworker.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LatencyDistributionTest {
  private static final int SAMPLES = 20_000;

  private static long[] sortedMillis(LatencyModel model) {
    return IntStream.range(0, SAMPLES).mapToLong(i -> model.next().toMillis()).sorted().toArray();
  }

  private static long percentile(long[] sorted, double p) {
    return sorted[(int) Math.ceil(p * sorted.length) - 1];
  }

  @Test
  void aLongTailHasTheRequestedMedianAndP99() {
    long[] sorted = sortedMillis(LatencyModel.longTail(ms(50), ms(500), 42));

    assertThat(percentile(sorted, 0.5)).isBetween(45L, 55L);
    assertThat(percentile(sorted, 0.99)).isBetween(400L, 620L);
    assertThat(sorted[SAMPLES - 1]).isGreaterThan(500L);
  }

  @Test
  void aNormalDistributionHasTheRequestedMeanAndSpread() {
    long[] sorted = sortedMillis(LatencyModel.normal(ms(100), ms(20), 42));

    double mean = Arrays.stream(sorted).average().orElseThrow();
    assertThat(mean).isCloseTo(100, within(2.0));
    assertThat(percentile(sorted, 0.8413) - percentile(sorted, 0.5)).isBetween(17L, 23L);
  }

  @Test
  void aNormalDistributionIsClippedAtZero() {
    long[] sorted = sortedMillis(LatencyModel.normal(ms(10), ms(50), 1));

    assertThat(sorted[0]).isZero();
    assertThat(sorted[SAMPLES - 1]).isPositive();
  }

  @Test
  void theSameSeedGivesTheSameDelays() {
    LatencyModel first = LatencyModel.longTail(ms(50), ms(500), 9);
    LatencyModel second = LatencyModel.longTail(ms(50), ms(500), 9);

    for (int i = 0; i < 100; i++) {
      assertThat(second.next()).isEqualTo(first.next());
    }
  }

  @Test
  void aLongTailNeedsAP99AtLeastTheMedian() {
    assertThatThrownBy(() -> LatencyModel.longTail(ms(50), ms(10), 1))
        .hasMessage("longTail needs 0 < median <= p99: median=PT0.05S, p99=PT0.01S");
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }
}
