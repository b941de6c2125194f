package dev.pairingworker.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultSettingsTest {

  @Test
  void simulatorSettingsStartWithoutFaults() {
    FaultSettings none = SimulatorSettings.defaults().faults();

    assertThat(none).isEqualTo(FaultSettings.none());
    assertThat(none.rateLimitPerSecond()).isZero();
    assertThat(none.probabilities()).isEmpty();
    assertThat(none.retryAfterSeconds()).isEqualTo(1);
    assertThat(none.includeTokenEndpoint()).isFalse();
  }

  @Test
  void withMethodsChangeOnlyTheirField() {
    FaultSettings changed =
        FaultSettings.none()
            .withProbability(Fault.BAD_GATEWAY, 0.2)
            .withProbability(Fault.CONNECTION_RESET, 0.1)
            .withRateLimitPerSecond(100)
            .withSeed(5);

    assertThat(changed.probability(Fault.BAD_GATEWAY)).isEqualTo(0.2);
    assertThat(changed.probability(Fault.CONNECTION_RESET)).isEqualTo(0.1);
    assertThat(changed.probability(Fault.INTERNAL_ERROR)).isZero();
    assertThat(changed.rateLimitPerSecond()).isEqualTo(100);
    assertThat(changed.seed()).isEqualTo(5);
    assertThat(changed.afterEffect()).isZero();
  }

  @Test
  void invalidValuesAreRefusedNamingTheField() {
    FaultSettings none = FaultSettings.none();

    assertThatThrownBy(() -> none.withProbability(Fault.INTERNAL_ERROR, 1.5))
        .hasMessage("probability of INTERNAL_ERROR must be between 0 and 1: 1.5");
    assertThatThrownBy(() -> none.withAfterEffect(-0.1))
        .hasMessage("afterEffect must be between 0 and 1: -0.1");
    assertThatThrownBy(() -> none.withRateLimitPerSecond(-1))
        .hasMessage("rateLimitPerSecond must not be negative: -1");
    assertThatThrownBy(() -> none.withRetryAfterSeconds(0))
        .hasMessage("retryAfterSeconds must be at least 1: 0");
  }

  @Test
  void theChancesMustAddUpToAtMostOne() {
    FaultSettings most =
        FaultSettings.none()
            .withProbability(Fault.INTERNAL_ERROR, 0.7)
            .withProbability(Fault.BAD_GATEWAY, 0.2)
            .withProbability(Fault.GATEWAY_TIMEOUT, 0.1);

    assertThatThrownBy(() -> most.withProbability(Fault.UNAVAILABLE, 0.2))
        .hasMessageStartingWith("probabilities must add up to at most 1: 1.2");
  }

  @Test
  void aZeroChanceRemovesTheFault() {
    FaultSettings none =
        FaultSettings.none()
            .withProbability(Fault.BAD_GATEWAY, 0.5)
            .withProbability(Fault.BAD_GATEWAY, 0);

    assertThat(none).isEqualTo(FaultSettings.none());
    assertThat(none.toString()).contains("probabilities={}");
  }
}
