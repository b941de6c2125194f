package dev.pairingworker.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorSettingsTest {

  @Test
  void defaultsMatchPingOne() {
    SimulatorSettings defaults = SimulatorSettings.defaults();

    assertThat(defaults.host()).isEqualTo("127.0.0.1");
    assertThat(defaults.port()).isZero();
    assertThat(defaults.clientId()).isEqualTo("simulator-client");
    assertThat(defaults.clientSecret()).isEqualTo("simulator-secret");
    assertThat(defaults.tokenLifetime()).isEqualTo(Duration.ofHours(1));
    assertThat(defaults.pairingKeyLifetime()).isEqualTo(Duration.ofMinutes(10));
    assertThat(defaults.maxValidKeysPerUser()).isEqualTo(20);
    assertThat(defaults.latency().next()).isEqualTo(Duration.ZERO);
    assertThat(defaults.clock()).isEqualTo(Clock.systemUTC());
  }

  @Test
  void withMethodsChangeOnlyTheirField() {
    SimulatorSettings changed =
        SimulatorSettings.defaults().withCredentials("id", "secret").withMaxValidKeysPerUser(3);

    assertThat(changed.clientId()).isEqualTo("id");
    assertThat(changed.clientSecret()).isEqualTo("secret");
    assertThat(changed.maxValidKeysPerUser()).isEqualTo(3);
    assertThat(changed.tokenLifetime()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void invalidValuesAreRefusedNamingTheField() {
    assertThatThrownBy(() -> SimulatorSettings.defaults().withPort(70_000))
        .hasMessage("port must be between 0 and 65535: 70000");
    assertThatThrownBy(() -> SimulatorSettings.defaults().withTokenLifetime(Duration.ZERO))
        .hasMessage("tokenLifetime must be positive: PT0S");
    assertThatThrownBy(() -> SimulatorSettings.defaults().withMaxValidKeysPerUser(0))
        .hasMessage("maxValidKeysPerUser must be at least 1: 0");
    assertThatThrownBy(() -> SimulatorSettings.defaults().withCredentials("id", " "))
        .hasMessage("clientSecret must not be blank");
  }

  @Test
  void theSecretNeverAppearsInToString() {
    assertThat(SimulatorSettings.defaults().withCredentials("id", "hunter2").toString())
        .doesNotContain("hunter2")
        .contains("clientSecret=****");
  }

  @Test
  void negativeLatencyIsRefused() {
    assertThatThrownBy(() -> LatencyModel.fixed(Duration.ofMillis(-1)))
        .hasMessage("latency must not be negative: PT-0.001S");
  }
}
