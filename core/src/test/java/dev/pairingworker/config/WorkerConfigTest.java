package dev.pairingworker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkerConfigTest {
  static final String ENV_ID = "3f2a0c1e-8b5d-4e6f-9a7b-1c2d3e4f5a6b";
  static final String SECRET = "s3cr3t-Value-42";

  static Map<String, String> required() {
    Map<String, String> settings = new HashMap<>();
    settings.put("pingone.environment.id", ENV_ID);
    settings.put("pingone.client.id", "worker-app");
    settings.put("pingone.client.secret", SECRET);
    return settings;
  }

  static WorkerConfig with(String key, String value) {
    Map<String, String> settings = required();
    settings.put(key, value);
    return WorkerConfig.of(settings);
  }

  static void assertRejected(String key, String value, String message) {
    assertThatThrownBy(() -> with(key, value))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message);
  }

  @Test
  void onlyTheCredentialsAreRequiredEverythingElseHasADefault() {
    WorkerConfig config = WorkerConfig.of(required());

    assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
    assertThat(config.kafkaProperties())
        .containsExactly(Map.entry("bootstrap.servers", "localhost:9092"));
    assertThat(config.groupId()).isEqualTo("pairing-worker");
    assertThat(config.commandsTopic()).isEqualTo("pingone.pairing-keys.commands");
    assertThat(config.repliesTopic()).isEqualTo("pingone.pairing-keys.replies");
    assertThat(config.deadLetterTopic()).isEqualTo("pingone.pairing-keys.dead-letter");
    assertThat(config.maxInFlight()).isEqualTo(64);
    assertThat(config.maxBuffered()).isEqualTo(1000);
    assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.region()).isEqualTo(Region.NA);
    assertThat(config.apiUrl()).isEqualTo(URI.create("https://api.pingone.com/v1"));
    assertThat(config.authUrl()).isEqualTo(URI.create("https://auth.pingone.com"));
    assertThat(config.tokenUrl())
        .isEqualTo(URI.create("https://auth.pingone.com/" + ENV_ID + "/as/token"));
    assertThat(config.environmentId()).isEqualTo(ENV_ID);
    assertThat(config.clientId()).isEqualTo("worker-app");
    assertThat(config.clientSecret().reveal()).isEqualTo(SECRET);
    assertThat(config.tokenAuthMethod()).isEqualTo(TokenAuthMethod.CLIENT_SECRET_BASIC);
    assertThat(config.tokenRefreshBefore()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.metricsPort()).isEqualTo(9464);
  }

  @ParameterizedTest
  @CsvSource({
    "NA, https://api.pingone.com/v1, https://auth.pingone.com",
    "eu, https://api.pingone.eu/v1, https://auth.pingone.eu",
    "Ca, https://api.pingone.ca/v1, https://auth.pingone.ca",
    "AP, https://api.pingone.asia/v1, https://auth.pingone.asia",
    "au, https://api.pingone.com.au/v1, https://auth.pingone.com.au",
    "SG, https://api.pingone.sg/v1, https://auth.pingone.sg"
  })
  void theRegionChoosesTheHosts(String region, String api, String auth) {
    WorkerConfig config = with("pingone.region", region);

    assertThat(config.apiUrl()).isEqualTo(URI.create(api));
    assertThat(config.authUrl()).isEqualTo(URI.create(auth));
    assertThat(config.tokenUrl()).isEqualTo(URI.create(auth + "/" + ENV_ID + "/as/token"));
  }

  @Test
  void explicitUrlsOverrideTheRegionAndLoseTheirTrailingSlash() {
    Map<String, String> settings = required();
    settings.put("pingone.region", "EU");
    settings.put("pingone.api.url", "https://gateway.example.com/pingone/v1/");
    settings.put("pingone.auth.url", "https://login.example.com/");

    WorkerConfig config = WorkerConfig.of(settings);

    assertThat(config.region()).isEqualTo(Region.EU);
    assertThat(config.apiUrl()).isEqualTo(URI.create("https://gateway.example.com/pingone/v1"));
    assertThat(config.tokenUrl())
        .isEqualTo(URI.create("https://login.example.com/" + ENV_ID + "/as/token"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:8080/v1",
        "http://LOCALHOST",
        "http://127.0.0.1:8080",
        "http://127.10.20.30",
        "http://[::1]:8080/v1"
      })
  void plainHttpIsAllowedOnLoopback(String url) {
    assertThat(with("pingone.api.url", url).apiUrl()).isEqualTo(URI.create(url));
    assertThat(with("pingone.auth.url", url).authUrl()).isEqualTo(URI.create(url));
  }

  @Test
  void plainHttpToAnyOtherHostIsRejected() {
    assertRejected(
        "pingone.api.url",
        "http://example.com/v1",
        "pingone.api.url: invalid value 'http://example.com/v1': must use https;"
            + " plain http is allowed only for localhost, 127.0.0.0/8 and [::1]");
    assertRejected(
        "pingone.auth.url",
        "http://128.0.0.1",
        "pingone.auth.url: invalid value 'http://128.0.0.1': must use https;"
            + " plain http is allowed only for localhost, 127.0.0.0/8 and [::1]");
    assertRejected(
        "pingone.auth.url",
        "http://localhost.example.com",
        "pingone.auth.url: invalid value 'http://localhost.example.com': must use https;"
            + " plain http is allowed only for localhost, 127.0.0.0/8 and [::1]");
  }

  @Test
  void aLoopbackLookalikeIsNotLoopback() {
    assertRejected(
        "pingone.api.url",
        "http://127.0.0.1.nip.io/v1",
        "pingone.api.url: invalid value 'http://127.0.0.1.nip.io/v1': must use https;"
            + " plain http is allowed only for localhost, 127.0.0.0/8 and [::1]");
  }

  @Test
  void anInvalidRegionIsReportedOnceNotAgainForTheUrlsItWouldHaveChosen() {
    assertRejected(
        "pingone.region",
        "mars",
        "pingone.region: invalid value 'mars': must be one of NA, EU, CA, AP, AU, SG");
  }

  @Test
  void aUrlMustBeAbsoluteHttp() {
    assertRejected(
        "pingone.api.url",
        "ftp://api.pingone.com",
        "pingone.api.url: invalid value 'ftp://api.pingone.com':"
            + " must be an absolute http(s) URL with a host");
    assertRejected(
        "pingone.api.url",
        "api.pingone.com/v1",
        "pingone.api.url: invalid value 'api.pingone.com/v1':"
            + " must be an absolute http(s) URL with a host");
    assertRejected(
        "pingone.api.url",
        "https://api.pingone.com/v1?x=1",
        "pingone.api.url: invalid value 'https://api.pingone.com/v1?x=1':"
            + " must not contain user info, a query or a fragment");
  }

  @Test
  void aMissingRequiredKeyIsNamedWithItsVariable() {
    Map<String, String> settings = required();
    settings.remove("pingone.client.id");

    assertThatThrownBy(() -> WorkerConfig.of(settings))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "pingone.client.id: required but not set;"
                + " set it in the properties file or as PAIRING_WORKER_PINGONE_CLIENT_ID");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThatThrownBy(() -> WorkerConfig.of(Map.of("worker.max.in-flight", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "4 configuration errors:\n"
                + "  - worker.max.in-flight: invalid value '0': must be between 1 and 10000\n"
                + "  - pingone.environment.id: required but not set;"
                + " set it in the properties file or as PAIRING_WORKER_PINGONE_ENVIRONMENT_ID\n"
                + "  - pingone.client.id: required but not set;"
                + " set it in the properties file or as PAIRING_WORKER_PINGONE_CLIENT_ID\n"
                + "  - pingone.client.secret or pingone.client.secret.file: one of them is required;"
                + " set PAIRING_WORKER_PINGONE_CLIENT_SECRET or name a secret file");
  }

  @Test
  void anUnknownKeyIsATypo() {
    assertRejected(
        "worker.max.inflight",
        "10",
        "worker.max.inflight: unknown key; check the spelling (only kafka.* keys are passed"
            + " through)");
  }

  @Test
  void kafkaGroupIdIsOwnedByTheWorker() {
    assertRejected(
        "kafka.group.id", "other", "kafka.group.id: not allowed; set worker.group.id instead");
  }

  @Test
  void kafkaSettingsArePassedThroughWithoutThePrefix() {
    Map<String, String> settings = required();
    settings.put("kafka.bootstrap.servers", "broker-1:9092, [::1]:9093");
    settings.put("kafka.security.protocol", "SASL_SSL");
    settings.put(
        "kafka.sasl.jaas.config", "org.example.Login required password=\"" + SECRET + "\";");

    WorkerConfig config = WorkerConfig.of(settings);

    assertThat(config.kafkaProperties())
        .containsOnly(
            Map.entry("bootstrap.servers", "broker-1:9092, [::1]:9093"),
            Map.entry("security.protocol", "SASL_SSL"),
            Map.entry(
                "sasl.jaas.config", "org.example.Login required password=\"" + SECRET + "\";"));
    assertThatThrownBy(() -> config.kafkaProperties().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void toStringHidesTheSecretAndCredentialLikeKafkaSettings() {
    Map<String, String> settings = required();
    settings.put("kafka.sasl.jaas.config", "login password=" + SECRET);
    settings.put("kafka.ssl.key.password", SECRET);
    settings.put("kafka.basic.auth.user.info", "user:" + SECRET + "-ish");
    settings.put("kafka.security.protocol", "SASL_SSL");

    String text = WorkerConfig.of(settings).toString();

    assertThat(text)
        .doesNotContain(SECRET)
        .contains("pingone.client.secret=****")
        .contains("kafka.sasl.jaas.config=****")
        .contains("kafka.ssl.key.password=****")
        .contains("kafka.security.protocol=SASL_SSL")
        .contains("worker.max.in-flight=64")
        .contains("pingone.environment.id=" + ENV_ID);
    assertThat(WorkerConfig.of(settings).clientSecret()).hasToString("****");
  }
}
