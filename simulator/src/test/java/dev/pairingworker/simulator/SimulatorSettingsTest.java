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
    assertThat(defaults.lenient()).as("strict by default").isFalse();
    assertThat(defaults.tenant().seed().environments()).isEmpty();
    assertThat(defaults.tenant().expiredKeyRead()).isEqualTo(ExpiredKeyRead.NOT_FOUND);
  }

  @Test
  void withUsersSeedsTheEnvironmentAndAddsToWhatIsSeeded() {
    String env = "0c5a3b0e-1d2f-4e6a-8b7c-9d0e1f2a3b4c";
    String first = "2b3c4d5e-6f70-4a81-9b2c-3d4e5f6a7b8c";
    String second = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";

    SimulatorSettings settings =
        SimulatorSettings.defaults()
            .withUsers(env, java.util.List.of(first))
            .withUsers(env, java.util.List.of(second));

    assertThat(settings.tenant().seed().environments())
        .singleElement()
        .satisfies(e -> assertThat(e.users()).containsExactlyInAnyOrder(first, second));
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
    assertThatThrownBy(() -> SimulatorSettings.defaults().withPairingKeyLifetime(Duration.ZERO))
        .hasMessage("pairingKeyLifetime must be positive: PT0S");
    assertThatThrownBy(
            () -> SimulatorSettings.defaults().withPairingKeyLifetime(Duration.ofSeconds(59)))
        .hasMessage("pairingKeyLifetime must be between 1 minute and 48 hours: PT59S");
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
