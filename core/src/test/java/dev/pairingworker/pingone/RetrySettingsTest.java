package dev.pairingworker.pingone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairingworker.config.AmbiguousCreate;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetrySettingsTest {
  private final RetrySettings defaults = RetrySettings.defaults();

  @Test
  void defaultsFollowPingsGuidanceWithinTwoMinutes() {
    assertThat(defaults)
        .isEqualTo(
            new RetrySettings(
                16,
                Duration.ofMinutes(2),
                Duration.ofMillis(200),
                Duration.ofSeconds(30),
                Duration.ofSeconds(120),
                AmbiguousCreate.RETRY));
  }

  @Test
  void rejectsNonsenseNamingTheField() {
    assertThatThrownBy(() -> defaults.withMaxAttempts(0))
        .hasMessage("maxAttempts must be at least 1, was 0");
    assertThatThrownBy(() -> defaults.withMaxTotalTime(Duration.ZERO))
        .hasMessage("maxTotalTime must be positive, was PT0S");
    assertThatThrownBy(() -> defaults.withRetryAfterCap(Duration.ofSeconds(-1)))
        .hasMessage("retryAfterCap must not be negative, was PT-1S");
    assertThatThrownBy(
            () ->
                new RetrySettings(
                    8,
                    Duration.ofMinutes(2),
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(1),
                    Duration.ZERO,
                    AmbiguousCreate.RETRY))
        .hasMessage("maxDelay (PT1S) must not be less than baseDelay (PT2S)");
  }
}
