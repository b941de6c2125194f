package dev.pairingworker.config;

import static dev.pairingworker.config.WorkerConfigTest.assertRejected;
import static dev.pairingworker.config.WorkerConfigTest.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigKeyTest {
  private static final String DURATION_REASON =
      "must be a duration such as 500ms, 30s, 5m, 1h, 7d or ISO-8601 (PT30S)";

  @ParameterizedTest
  @CsvSource({"500ms, PT0.5S", "30s, PT30S", "5m, PT5M", "1h, PT1H", "PT30S, PT30S", "pt2m, PT2M"})
  void durationsAcceptShortAndIsoForms(String text, String expected) {
    assertThat(with("worker.shutdown.timeout", text).shutdownTimeout())
        .isEqualTo(Duration.parse(expected));
  }

  @Test
  void anInvalidDurationNamesKeyAndValue() {
    assertRejected(
        "pingone.request.timeout",
        "10 seconds",
        "pingone.request.timeout: invalid value '10 seconds': " + DURATION_REASON);
    assertRejected(
        "worker.shutdown.timeout",
        "1.5s",
        "worker.shutdown.timeout: invalid value '1.5s': " + DURATION_REASON);
    assertRejected(
        "worker.shutdown.timeout",
        "0s",
        "worker.shutdown.timeout: invalid value '0s': must be greater than zero");
    assertRejected(
        "pingone.token.refresh-before",
        "-PT1S",
        "pingone.token.refresh-before: invalid value '-PT1S': must not be negative");
  }

  @Test
  void intsAreStrict() {
    assertRejected(
        "worker.max.in-flight",
        "abc",
        "worker.max.in-flight: invalid value 'abc': must be an integer");
    assertRejected(
        "worker.max.in-flight",
        "1.0",
        "worker.max.in-flight: invalid value '1.0': must be an integer");
    assertRejected(
        "worker.max.in-flight",
        "+5",
        "worker.max.in-flight: invalid value '+5': must be an integer");
    assertRejected(
        "worker.max.buffered",
        "99999999999",
        "worker.max.buffered: invalid value '99999999999':"
            + " must be an integer between -2147483648 and 2147483647");
    assertRejected(
        "worker.max.buffered",
        "1000001",
        "worker.max.buffered: invalid value '1000001': must be between 1 and 1000000");
  }

  @Test
  void surroundingWhitespaceIsIgnoredButEmptyIsAnError() {
    assertThat(with("worker.max.in-flight", " 12 ").maxInFlight()).isEqualTo(12);
    assertRejected("worker.max.in-flight", "  ", "worker.max.in-flight: must not be empty");
    assertRejected("worker.group.id", "", "worker.group.id: must not be empty");
  }

  @Test
  void booleansAreStrict() throws InvalidValueException {
    assertThat(ValueType.BOOLEAN.parse("true")).isTrue();
    assertThat(ValueType.BOOLEAN.parse("false")).isFalse();
    assertThatThrownBy(() -> ValueType.BOOLEAN.parse("yes"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("must be true or false");
    assertThatThrownBy(() -> ValueType.BOOLEAN.parse("TRUE")).hasMessage("must be true or false");
  }

  @Test
  void anInvalidEnumNamesKeyValueAndTheChoices() {
    assertRejected(
        "pingone.region",
        "US",
        "pingone.region: invalid value 'US': must be one of NA, EU, CA, AP, AU, SG");
    assertRejected(
        "pingone.token.auth-method",
        "tls_client_auth",
        "pingone.token.auth-method: invalid value 'tls_client_auth':"
            + " must be one of client_secret_basic, client_secret_post, client_secret_jwt,"
            + " private_key_jwt");
  }

  @Test
  void theEnvironmentIdMustBeALowercaseUuid() {
    String reason =
        "must be a lowercase UUID (8-4-4-4-12 hex digits, e.g."
            + " 3f2a0c1e-8b5d-4e6f-9a7b-1c2d3e4f5a6b)";
    assertRejected(
        "pingone.environment.id",
        "not-a-uuid",
        "pingone.environment.id: invalid value 'not-a-uuid': " + reason);
    assertRejected(
        "pingone.environment.id",
        "3F2A0C1E-8B5D-4E6F-9A7B-1C2D3E4F5A6B",
        "pingone.environment.id: invalid value '3F2A0C1E-8B5D-4E6F-9A7B-1C2D3E4F5A6B': " + reason);
    assertRejected(
        "pingone.environment.id",
        "../users",
        "pingone.environment.id: invalid value '../users': " + reason);
  }

  @Test
  void topicsMustBeValidKafkaTopicNames() {
    String reason = "must be a Kafka topic name: 1 to 249 of a-z A-Z 0-9 . _ - (and not . or ..)";
    assertRejected(
        "worker.topic.commands",
        "my topic",
        "worker.topic.commands: invalid value 'my topic': " + reason);
    assertRejected(
        "worker.topic.replies", "..", "worker.topic.replies: invalid value '..': " + reason);
    String tooLong = "t".repeat(250);
    assertRejected(
        "worker.topic.dead-letter",
        tooLong,
        "worker.topic.dead-letter: invalid value '" + tooLong + "': " + reason);
    assertThat(with("worker.topic.replies", "t".repeat(249)).repliesTopic()).hasSize(249);
  }

  @Test
  void bootstrapServersMustBeHostPortPairs() {
    String reason = "must be a comma-separated list of host:port";
    assertRejected(
        "kafka.bootstrap.servers",
        "broker-1",
        "kafka.bootstrap.servers: invalid value 'broker-1': " + reason);
    assertRejected(
        "kafka.bootstrap.servers",
        "a:9092,,b:9092",
        "kafka.bootstrap.servers: invalid value 'a:9092,,b:9092': " + reason);
    assertRejected(
        "kafka.bootstrap.servers",
        "a:99999",
        "kafka.bootstrap.servers: invalid value 'a:99999': " + reason);
  }

  @Test
  void metricsPortMayBeZero() {
    assertThat(with("metrics.port", "0").metricsPort()).isZero();
    assertRejected(
        "metrics.port", "-1", "metrics.port: invalid value '-1': must be between 0 and 65535");
  }

  @Test
  void aSecretKeysValueNeverAppearsInAMessage() {
    String secret = "hunter2-not-an-int";
    ConfigKey<Integer> secretInt =
        ConfigKey.builder("test.secret.pin", ValueType.INT).secret().doc("a secret int").build();

    assertThatThrownBy(() -> secretInt.parse(secret))
        .isInstanceOf(ConfigException.class)
        .hasMessage("test.secret.pin: invalid value: must be an integer");
    assertRejected("pingone.client.secret", "   ", "pingone.client.secret: must not be empty");
  }

  @Test
  void theClientSecretNeverAppearsWhenOtherKeysAreWrong() {
    String secret = WorkerConfigTest.SECRET;
    Map<String, String> settings =
        Map.of(
            "pingone.client.secret",
            secret,
            "pingone.client.secrett",
            secret,
            "pingone.environment.id",
            "E",
            "worker.max.in-flight",
            "x");

    assertThatThrownBy(() -> WorkerConfig.of(settings))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret))
        .hasMessageContaining("pingone.client.secrett: unknown key")
        .hasMessageContaining("worker.max.in-flight: invalid value 'x'")
        .hasMessageContaining("pingone.environment.id: invalid value 'E'")
        .hasMessageContaining("pingone.client.id: required but not set");
    assertThat(Secret.of(secret)).hasToString("****");
    assertThat(Secret.of(secret).reveal()).isEqualTo(secret);
  }

  @Test
  void everyKeyIsDocumented() {
    for (ConfigKey<?> key : WorkerSettings.all()) {
      assertThat(key.doc()).as(key.name()).isNotBlank();
    }
    assertThat(WorkerSettings.all())
        .filteredOn(ConfigKey::secret)
        .containsExactly(WorkerSettings.CLIENT_SECRET, ClientAuthSettings.KEY_PASSWORD);
  }
}
