package dev.pairingworker.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvNamesTest {
  @ParameterizedTest
  @CsvSource({
    "pingone.client.secret, PAIRING_WORKER_PINGONE_CLIENT_SECRET",
    "worker.max.in-flight, PAIRING_WORKER_WORKER_MAX_IN___FLIGHT",
    "kafka.sasl.jaas.config, PAIRING_WORKER_KAFKA_SASL_JAAS_CONFIG",
    "kafka.some_odd-key, PAIRING_WORKER_KAFKA_SOME__ODD___KEY",
    "metrics.port, PAIRING_WORKER_METRICS_PORT"
  })
  void keysAndVariablesMapBothWays(String key, String variable) {
    assertThat(EnvNames.toEnv(key)).isEqualTo(variable);
    assertThat(EnvNames.toKey(variable)).contains(key);
  }

  @Test
  void everyDefinedKeySurvivesTheRoundTrip() {
    for (ConfigKey<?> key : WorkerSettings.all()) {
      assertThat(EnvNames.toKey(key.envVariable())).contains(key.name());
    }
  }

  @Test
  void variablesWithoutThePrefixAreNotKeys() {
    assertThat(EnvNames.toKey("PATH")).isEmpty();
    assertThat(EnvNames.toKey("PAIRING_WORKER_")).isEmpty();
    assertThat(EnvNames.toKey("pairing_worker_metrics_port")).isEmpty();
  }
}
