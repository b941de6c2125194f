package dev.pairingworker.pingone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExponentialBackoffTest {
  private final ExponentialBackoff backoff =
      new ExponentialBackoff(Duration.ofMillis(200), Duration.ofSeconds(30));

  @Test
  void theCapDoublesFromTheBaseAndSaturatesAtTheMaximum() {
    assertThat(backoff.cap(1)).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.cap(2)).isEqualTo(Duration.ofMillis(400));
    assertThat(backoff.cap(8)).isEqualTo(Duration.ofMillis(25_600));
    assertThat(backoff.cap(9)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.cap(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void theDelayIsTheRandomFractionOfTheCapClampedToIt() {
    assertThat(backoff.delay(3, 0.25)).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.delay(3, -1)).isEqualTo(Duration.ZERO);
    assertThat(backoff.delay(3, 7)).isEqualTo(Duration.ofMillis(800));
  }
}
