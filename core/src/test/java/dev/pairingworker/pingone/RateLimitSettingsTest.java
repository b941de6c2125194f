package dev.pairingworker.pingone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitSettingsTest {
  @Test
  void defaultsCutTo70PercentOnceASecondAndClimbBackAt5PercentASecond() {
    assertThat(RateLimitSettings.of(100))
        .isEqualTo(
            new RateLimitSettings(
                100, 10, 0.05, 0.7, Duration.ofSeconds(1), Duration.ofMillis(50), 0));
  }

  @Test
  void rejectsNonsenseNamingTheField() {
    assertThatThrownBy(() -> RateLimitSettings.of(0))
        .hasMessage("limit must be a positive number, was 0.0");
    assertThatThrownBy(() -> RateLimitSettings.of(Double.NaN))
        .hasMessage("limit must be a positive number, was NaN");
    assertThatThrownBy(() -> settings(10, 20, 0.05, 0.7))
        .hasMessage("minRate (20.0) must not exceed limit (10.0)");
    assertThatThrownBy(() -> settings(10, 1, -1, 0.7))
        .hasMessage("increasePerSecond must be zero or more, was -1.0");
    assertThatThrownBy(() -> settings(10, 1, 0.05, 1))
        .hasMessage("decreaseFactor must be between 0 and 1 exclusive, was 1.0");
  }

  private static RateLimitSettings settings(
      double limit, double minRate, double increase, double factor) {
    return new RateLimitSettings(
        limit, minRate, increase, factor, Duration.ofSeconds(1), Duration.ofMillis(50), 0);
  }
}
