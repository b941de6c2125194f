package dev.pairingworker.config;

import static dev.pairingworker.config.WorkerSettings.API_URL;
import static dev.pairingworker.config.WorkerSettings.AUTH_URL;
import static dev.pairingworker.config.WorkerSettings.BOOTSTRAP_SERVERS;
import static dev.pairingworker.config.WorkerSettings.CLIENT_ID;
import static dev.pairingworker.config.WorkerSettings.COMMANDS_TOPIC;
import static dev.pairingworker.config.WorkerSettings.CONNECT_TIMEOUT;
import static dev.pairingworker.config.WorkerSettings.DEAD_LETTER_TOPIC;
import static dev.pairingworker.config.WorkerSettings.ENVIRONMENT_ID;
import static dev.pairingworker.config.WorkerSettings.GROUP_ID;
import static dev.pairingworker.config.WorkerSettings.KAFKA_PREFIX;
import static dev.pairingworker.config.WorkerSettings.MAX_BUFFERED;
import static dev.pairingworker.config.WorkerSettings.MAX_IN_FLIGHT;
import static dev.pairingworker.config.WorkerSettings.METRICS_PORT;
import static dev.pairingworker.config.WorkerSettings.REGION;
import static dev.pairingworker.config.WorkerSettings.REPLIES_TOPIC;
import static dev.pairingworker.config.WorkerSettings.REQUEST_TIMEOUT;
import static dev.pairingworker.config.WorkerSettings.SHUTDOWN_TIMEOUT;
import static dev.pairingworker.config.WorkerSettings.TOKEN_AUTH_METHOD;
import static dev.pairingworker.config.WorkerSettings.TOKEN_REFRESH_BEFORE;
import static dev.pairingworker.config.WorkerSettings.all;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The worker's validated, immutable configuration. Obtain one from {@link ConfigLoader}, or from
 * {@link #of(Map)} in tests and demos; both apply the same validation.
 */
public final class WorkerConfig {
  private final ConfigValues values;
  private final Map<String, Object> kafkaProperties;
  private final ClientAuth clientAuth;

  WorkerConfig(ConfigValues values, Map<String, String> kafkaProperties, ClientAuth clientAuth) {
    this.values = values;
    this.clientAuth = clientAuth;
    this.kafkaProperties = Collections.unmodifiableMap(new LinkedHashMap<>(kafkaProperties));
  }

  /**
   * A configuration from key → text pairs, as if they were a properties file and no environment
   * variables were set.
   *
   * @throws ConfigException naming every invalid, missing or unknown key
   */
  public static WorkerConfig of(Map<String, String> settings) {
    return ConfigResolver.resolve(settings);
  }

  /** {@code kafka.bootstrap.servers}. */
  public String bootstrapServers() {
    return values.get(BOOTSTRAP_SERVERS);
  }

  /**
   * Every {@code kafka.*} key with the prefix stripped, {@code bootstrap.servers} included;
   * unmodifiable.
   */
  public Map<String, Object> kafkaProperties() {
    return kafkaProperties;
  }

  /** {@code worker.group.id}. */
  public String groupId() {
    return values.get(GROUP_ID);
  }

  /** {@code worker.topic.commands}. */
  public String commandsTopic() {
    return values.get(COMMANDS_TOPIC);
  }

  /** {@code worker.topic.replies}. */
  public String repliesTopic() {
    return values.get(REPLIES_TOPIC);
  }

  /** {@code worker.topic.dead-letter}. */
  public String deadLetterTopic() {
    return values.get(DEAD_LETTER_TOPIC);
  }

  /** The value of any defined key, e.g. one of {@link ResilienceSettings}. */
  public <T> T get(ConfigKey<T> key) {
    return values.get(key);
  }

  /** {@code worker.max.in-flight}. */
  public int maxInFlight() {
    return values.get(MAX_IN_FLIGHT);
  }

  /** {@code worker.max.buffered}. */
  public int maxBuffered() {
    return values.get(MAX_BUFFERED);
  }

  /** {@code worker.shutdown.timeout}. */
  public Duration shutdownTimeout() {
    return values.get(SHUTDOWN_TIMEOUT);
  }

  /** {@code pingone.region}. */
  public Region region() {
    return values.get(REGION);
  }

  /** {@code pingone.api.url}, without a trailing slash. */
  public URI apiUrl() {
    return values.get(API_URL);
  }

  /** {@code pingone.auth.url}, without a trailing slash. */
  public URI authUrl() {
    return values.get(AUTH_URL);
  }

  /** {@code {pingone.auth.url}/{pingone.environment.id}/as/token}. */
  public URI tokenUrl() {
    return URI.create(authUrl() + "/" + environmentId() + "/as/token");
  }

  /** {@code pingone.environment.id}, a lowercase UUID. */
  public String environmentId() {
    return values.get(ENVIRONMENT_ID);
  }

  /** {@code pingone.client.id}. */
  public String clientId() {
    return values.get(CLIENT_ID);
  }

  /**
   * {@code pingone.client.secret}, or the content of {@code pingone.client.secret.file}.
   *
   * @throws IllegalStateException with {@code private_key_jwt}, which has no secret
   */
  public Secret clientSecret() {
    return clientAuth
        .secret()
        .orElseThrow(() -> new IllegalStateException("private_key_jwt has no client secret"));
  }

  /** {@code pingone.token.auth-method}. */
  public TokenAuthMethod tokenAuthMethod() {
    return values.get(TOKEN_AUTH_METHOD);
  }

  /** The auth method with the secret, key and algorithm it needs, checked at load. */
  public ClientAuth clientAuth() {
    return clientAuth;
  }

  /** {@code pingone.token.refresh-before}. */
  public Duration tokenRefreshBefore() {
    return values.get(TOKEN_REFRESH_BEFORE);
  }

  /** {@code pingone.connect.timeout}. */
  public Duration connectTimeout() {
    return values.get(CONNECT_TIMEOUT);
  }

  /** {@code pingone.request.timeout}. */
  public Duration requestTimeout() {
    return values.get(REQUEST_TIMEOUT);
  }

  /** {@code metrics.port}; 0 means any free port. */
  public int metricsPort() {
    return values.get(METRICS_PORT);
  }

  /**
   * Every key and value; secrets and credential-like {@code kafka.*} settings (names containing
   * password, secret, jaas, credentials or user.info, or ending in .key) are shown as {@code ****}.
   */
  @Override
  public String toString() {
    StringJoiner text = new StringJoiner(", ", "WorkerConfig{", "}");
    for (ConfigKey<?> key : all()) {
      text.add(key.name() + "=" + (key.secret() ? "****" : values.find(key).orElse(null)));
    }
    kafkaProperties.forEach(
        (name, value) -> {
          if (!name.equals("bootstrap.servers")) {
            text.add(KAFKA_PREFIX + name + "=" + (looksSecret(name) ? "****" : value));
          }
        });
    return text.toString();
  }

  private static boolean looksSecret(String kafkaKey) {
    String name = kafkaKey.toLowerCase(Locale.ROOT);
    return name.contains("password")
        || name.contains("secret")
        || name.contains("jaas")
        || name.contains("credentials")
        || name.contains("user.info")
        || name.endsWith(".key"); // ssl.keystore.key holds a private key
  }
}
