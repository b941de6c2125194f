package dev.pairingworker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairingworker.support.ProjectRoot;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final String ENV_ID = WorkerConfigTest.ENV_ID;

  @TempDir Path dir;

  private static Properties requiredProperties() {
    Properties properties = new Properties();
    WorkerConfigTest.required().forEach(properties::setProperty);
    return properties;
  }

  @Test
  void theEnvironmentWinsOverTheFile() {
    Properties properties = requiredProperties();
    properties.setProperty("worker.max.in-flight", "8");
    properties.setProperty("pingone.client.secret", "from-file");

    WorkerConfig config =
        ConfigLoader.fromProperties(
            properties,
            Map.of(
                "PAIRING_WORKER_WORKER_MAX_IN___FLIGHT", "16",
                "PAIRING_WORKER_PINGONE_CLIENT_SECRET", "from-env",
                "PAIRING_WORKER_PINGONE_TOKEN_AUTH___METHOD", "CLIENT_SECRET_POST",
                "PAIRING_WORKER_WORKER_TOPIC_DEAD___LETTER", "dlq",
                "PATH", "/usr/bin"));

    assertThat(config.maxInFlight()).isEqualTo(16);
    assertThat(config.clientSecret().reveal()).isEqualTo("from-env");
    assertThat(config.tokenAuthMethod()).isEqualTo(TokenAuthMethod.CLIENT_SECRET_POST);
    assertThat(config.deadLetterTopic()).isEqualTo("dlq");
  }

  @Test
  void theEnvironmentAloneCanSupplyRequiredKeys() {
    WorkerConfig config =
        ConfigLoader.fromProperties(
            new Properties(),
            Map.of(
                "PAIRING_WORKER_PINGONE_ENVIRONMENT_ID", ENV_ID,
                "PAIRING_WORKER_PINGONE_CLIENT_ID", "app",
                "PAIRING_WORKER_PINGONE_CLIENT_SECRET", "secret"));

    assertThat(config.environmentId()).isEqualTo(ENV_ID);
  }

  @Test
  void kafkaVariablesArePassedThroughByReversingTheNamingRule() {
    Properties properties = requiredProperties();
    properties.setProperty("kafka.security.protocol", "SSL");

    WorkerConfig config =
        ConfigLoader.fromProperties(
            properties,
            Map.of(
                "PAIRING_WORKER_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "PAIRING_WORKER_KAFKA_SASL_JAAS_CONFIG", "Login required;",
                "PAIRING_WORKER_KAFKA_BOOTSTRAP_SERVERS", "kafka:29092",
                "PAIRING_WORKER_KAFKA_SOME__ODD___KEY", "x"));

    assertThat(config.bootstrapServers()).isEqualTo("kafka:29092");
    assertThat(config.kafkaProperties())
        .containsOnly(
            Map.entry("bootstrap.servers", "kafka:29092"),
            Map.entry("security.protocol", "SASL_SSL"),
            Map.entry("sasl.jaas.config", "Login required;"),
            Map.entry("some_odd-key", "x"));
  }

  @Test
  void anInvalidEnvironmentValueNamesTheKey() {
    assertThatThrownBy(
            () ->
                ConfigLoader.fromProperties(
                    requiredProperties(), Map.of("PAIRING_WORKER_METRICS_PORT", "70000")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("metrics.port: invalid value '70000': must be between 0 and 65535");
  }

  @Test
  void environmentVariablesThatMatchNoKeyAreIgnored() {
    WorkerConfig config =
        ConfigLoader.fromProperties(
            requiredProperties(), Map.of("PAIRING_WORKER_WORKER_MAX_INFLIGHT", "1"));

    assertThat(config.maxInFlight()).isEqualTo(64);
  }

  @Test
  void anUnknownKeyInTheFileFailsFast() throws IOException {
    Path file = dir.resolve("worker.properties");
    Files.writeString(
        file,
        "pingone.environment.id=" + ENV_ID + "\npingone.clientid=app\npingone.client.secret=s\n",
        StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "2 configuration errors:\n"
                + "  - pingone.clientid: unknown key; check the spelling"
                + " (only kafka.* keys are passed through)\n"
                + "  - pingone.client.id: required but not set;"
                + " set it in the properties file or as PAIRING_WORKER_PINGONE_CLIENT_ID");
  }

  @Test
  void aMissingFileIsNamed() {
    Path file = dir.resolve("absent.properties");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("configuration file " + file + ": not found");
  }

  @Test
  void theCheckedInExampleIsValidAndListsEveryKey() throws IOException {
    Path example = ProjectRoot.resolve("config", "worker.properties");
    String text = Files.readString(example, StandardCharsets.UTF_8);

    WorkerConfig config = ConfigLoader.load(example, Map.of());

    for (ConfigKey<?> key : WorkerSettings.all()) {
      assertThat(text).containsPattern("(?m)^#?" + key.name().replace(".", "\\.") + "=");
    }
    assertThat(config.apiUrl()).isEqualTo(URI.create("http://localhost:8080/v1"));
    assertThat(config.tokenUrl())
        .isEqualTo(URI.create("http://localhost:8080/" + config.environmentId() + "/as/token"));
    assertThat(config.clientId()).isEqualTo("simulator-client");
  }

  @Test
  void everyCommentedOutDefaultInTheExampleIsTheRealDefault() throws IOException {
    Properties commented = new Properties();
    for (String line : Files.readAllLines(ProjectRoot.resolve("config", "worker.properties"))) {
      if (line.matches("#[a-z][a-z.-]*=.*") && !line.startsWith("#kafka.")) {
        String[] pair = line.substring(1).split("=", 2);
        commented.setProperty(pair[0], pair[1]);
      }
    }

    for (ConfigKey<?> key : WorkerSettings.all()) {
      // A key without a literal default (e.g. pingone.client.secret.file) is shown by example.
      if (commented.containsKey(key.name()) && key.defaultValue().isPresent()) {
        assertThat(key.defaultValue()).as(key.name()).contains(commented.getProperty(key.name()));
      }
    }
  }
}
