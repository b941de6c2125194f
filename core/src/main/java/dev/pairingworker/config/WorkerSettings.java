package dev.pairingworker.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every configuration key of the worker, each defined once. Besides these, any {@code kafka.*} key
 * is passed to every Kafka client with the prefix stripped (see {@link #KAFKA_PREFIX}).
 */
public final class WorkerSettings {
  /** Keys starting with this are Kafka client settings, passed through without validation. */
  public static final String KAFKA_PREFIX = "kafka.";

  /** Kafka brokers to bootstrap from. */
  public static final ConfigKey<String> BOOTSTRAP_SERVERS =
      ConfigKey.builder("kafka.bootstrap.servers", ValueType.STRING)
          .defaultValue("localhost:9092")
          .validator(Validator.hostPortList())
          .doc("Kafka brokers to bootstrap from: a comma-separated list of host:port.")
          .build();

  /** Consumer group shared by all instances of the worker. */
  public static final ConfigKey<String> GROUP_ID =
      ConfigKey.builder("worker.group.id", ValueType.STRING)
          .defaultValue("pairing-worker")
          .doc(
              "Kafka consumer group shared by all worker instances; partitions are spread among"
                  + " them.")
          .build();

  /** The consumer's {@code group.instance.id} (static membership); empty: a dynamic member. */
  public static final ConfigKey<String> INSTANCE_ID =
      ConfigKey.builder("worker.instance.id", ValueType.STRING)
          .defaultValue("")
          .emptyAllowed()
          .validator(Validator.emptyOrGroupInstanceId())
          .doc(
              "Static group membership: the consumer's `group.instance.id`, stable per replica"
                  + " (e.g. the pod name of a StatefulSet). A worker restarted with the same ID,"
                  + " even after `kill -9`, gets its partitions back at once instead of after the"
                  + " dead member's session timeout (45 s by default); a stopped one (SIGTERM)"
                  + " does not leave the group, so the others are not rebalanced and its partitions"
                  + " wait for it until the session times out. Two running workers must never"
                  + " share an ID: the older one is fenced and stops with an error. Empty (the"
                  + " default): a dynamic member. See docs/design.md, Group membership.")
          .build();

  /** Topic the commands are read from. */
  public static final ConfigKey<String> COMMANDS_TOPIC =
      ConfigKey.builder("worker.topic.commands", ValueType.STRING)
          .defaultValue("pingone.pairing-keys.commands")
          .validator(Validator.topicName())
          .doc("Topic the pairing-key commands are consumed from.")
          .build();

  /** Topic replies go to when a command names no reply topic. */
  public static final ConfigKey<String> REPLIES_TOPIC =
      ConfigKey.builder("worker.topic.replies", ValueType.STRING)
          .defaultValue("pingone.pairing-keys.replies")
          .validator(Validator.topicName())
          .doc("Default reply topic, used when a command does not name its own.")
          .build();

  /** Topic for records that cannot be processed. */
  public static final ConfigKey<String> DEAD_LETTER_TOPIC =
      ConfigKey.builder("worker.topic.dead-letter", ValueType.STRING)
          .defaultValue("pingone.pairing-keys.dead-letter")
          .validator(Validator.topicName())
          .doc("Topic that receives records which cannot be processed (e.g. unparseable commands).")
          .build();

  /** PingOne calls in flight at once per worker instance. */
  public static final ConfigKey<Integer> MAX_IN_FLIGHT =
      ConfigKey.builder("worker.max.in-flight", ValueType.INT)
          .defaultValue("64")
          .validator(Validator.between(1, 10_000))
          .doc("PingOne calls in flight at once per worker instance (1 to 10000).")
          .build();

  /** Records held in memory before the consumer pauses. */
  public static final ConfigKey<Integer> MAX_BUFFERED =
      ConfigKey.builder("worker.max.buffered", ValueType.INT)
          .defaultValue("1000")
          .validator(Validator.between(1, 1_000_000))
          .doc(
              "Records held in memory (waiting and in flight) before the consumer pauses"
                  + " (1 to 1000000).")
          .build();

  /** How long shutdown waits for in-flight work. */
  public static final ConfigKey<Duration> SHUTDOWN_TIMEOUT =
      ConfigKey.builder("worker.shutdown.timeout", ValueType.DURATION)
          .defaultValue("30s")
          .validator(Validator.positive())
          .doc("Bound on finishing in-flight work at shutdown; must be greater than zero.")
          .build();

  /** How long the consumer may take to join its group before the worker gives up. */
  public static final ConfigKey<Duration> JOIN_TIMEOUT =
      ConfigKey.builder("worker.join.timeout", ValueType.DURATION)
          .defaultValue("2m")
          .validator(Validator.positive())
          .doc(
              "The worker stops with an error (exit code 1) when its consumer has not joined the group"
                  + " this long after start: an unreachable broker or missing Kafka security settings"
                  + " would otherwise leave it retrying silently. A worker that joins but gets no"
                  + " partition (more workers than partitions) is not affected.")
          .build();

  /** PingOne region; picks the default API and auth hosts. */
  public static final ConfigKey<Region> REGION =
      ConfigKey.builder("pingone.region", ValueType.oneOf(Region.class, Region::name))
          .defaultValue("NA")
          .doc("PingOne region (case-insensitive); sets the default API and auth URLs.")
          .build();

  /** Base URL of the PingOne management API. */
  public static final ConfigKey<URI> API_URL =
      ConfigKey.builder("pingone.api.url", ValueType.URL)
          .derivedDefault(
              "from `pingone.region`", values -> values.find(REGION).map(Region::apiUrl))
          .validator(Validator.httpsOrLoopback())
          .doc(
              "Base URL of the PingOne API, including /v1. Must be https; plain http is allowed"
                  + " only for localhost, 127.0.0.0/8 and [::1] (e.g. the simulator).")
          .build();

  /** Base URL of the PingOne authorization server. */
  public static final ConfigKey<URI> AUTH_URL =
      ConfigKey.builder("pingone.auth.url", ValueType.URL)
          .derivedDefault(
              "from `pingone.region`", values -> values.find(REGION).map(Region::authUrl))
          .validator(Validator.httpsOrLoopback())
          .doc(
              "Base URL of the PingOne authorization server; the token URL is"
                  + " {auth.url}/{pingone.environment.id}/as/token. Same https rule as"
                  + " pingone.api.url.")
          .build();

  /** The PingOne environment holding the users. */
  public static final ConfigKey<String> ENVIRONMENT_ID =
      ConfigKey.builder("pingone.environment.id", ValueType.LOWERCASE_UUID)
          .doc(
              "ID (lowercase UUID) of the PingOne environment that holds the users and the worker"
                  + " app.")
          .build();

  /** Client id of the PingOne worker application. */
  public static final ConfigKey<String> CLIENT_ID =
      ConfigKey.builder("pingone.client.id", ValueType.STRING)
          .doc("Client ID of the PingOne worker application used to obtain access tokens.")
          .build();

  /** Client secret of the PingOne worker application; never printed. */
  public static final ConfigKey<String> CLIENT_SECRET =
      ConfigKey.builder("pingone.client.secret", ValueType.STRING)
          .secret()
          .derivedDefault("not set", values -> Optional.empty())
          .doc(
              "Client secret of the PingOne worker application. Secret: never printed; prefer the"
                  + " environment variable or pingone.client.secret.file to the properties file."
                  + " Set exactly one of this and pingone.client.secret.file, except with"
                  + " private_key_jwt, which uses neither.")
          .build();

  /** How the client authenticates to the token endpoint. */
  public static final ConfigKey<TokenAuthMethod> TOKEN_AUTH_METHOD =
      ConfigKey.builder(
              "pingone.token.auth-method",
              ValueType.oneOf(TokenAuthMethod.class, TokenAuthMethod::configName))
          .defaultValue("client_secret_basic")
          .doc(
              "How the worker authenticates to the token endpoint (case-insensitive); must be the"
                  + " worker app's Token Endpoint Authentication Method in PingOne. The secret"
                  + " methods need pingone.client.secret (or .file); private_key_jwt, the"
                  + " recommended one (docs/security.md), needs pingone.client.key.file instead.")
          .build();

  /** How long before expiry the access token is refreshed. */
  public static final ConfigKey<Duration> TOKEN_REFRESH_BEFORE =
      ConfigKey.builder("pingone.token.refresh-before", ValueType.DURATION)
          .defaultValue("60s")
          .validator(Validator.notNegative())
          .doc("Refresh the access token this long before it expires.")
          .build();

  /** TCP connect timeout for PingOne. */
  public static final ConfigKey<Duration> CONNECT_TIMEOUT =
      ConfigKey.builder("pingone.connect.timeout", ValueType.DURATION)
          .defaultValue("5s")
          .validator(Validator.positive())
          .doc("Timeout for opening a connection to PingOne.")
          .build();

  /** Timeout of one HTTP request to PingOne. */
  public static final ConfigKey<Duration> REQUEST_TIMEOUT =
      ConfigKey.builder("pingone.request.timeout", ValueType.DURATION)
          .defaultValue("10s")
          .validator(Validator.positive())
          .doc(
              "Timeout of each HTTP request to PingOne (token and API calls). Plus 5 s, it is also"
                  + " how long a partition's new owner waits for the outcome of a create its"
                  + " previous owner had on the wire, and a stopping worker for its own.")
          .build();

  /** Port of the Prometheus metrics endpoint. */
  public static final ConfigKey<Integer> METRICS_PORT =
      ConfigKey.builder("metrics.port", ValueType.INT)
          .defaultValue("9464")
          .validator(Validator.between(0, 65_535))
          .doc("Port of the Prometheus metrics endpoint (0 to 65535; 0 picks any free port).")
          .build();

  private static final List<ConfigKey<?>> ALL =
      Stream.of(
              List.<ConfigKey<?>>of(
                  BOOTSTRAP_SERVERS,
                  GROUP_ID,
                  INSTANCE_ID,
                  COMMANDS_TOPIC,
                  REPLIES_TOPIC,
                  DEAD_LETTER_TOPIC,
                  MAX_IN_FLIGHT,
                  MAX_BUFFERED,
                  SHUTDOWN_TIMEOUT,
                  JOIN_TIMEOUT,
                  REGION,
                  API_URL,
                  AUTH_URL,
                  ENVIRONMENT_ID,
                  CLIENT_ID,
                  CLIENT_SECRET,
                  TOKEN_AUTH_METHOD,
                  TOKEN_REFRESH_BEFORE,
                  CONNECT_TIMEOUT,
                  REQUEST_TIMEOUT),
              ClientAuthSettings.ALL,
              ResilienceSettings.ALL,
              LedgerSettings.ALL,
              ProcessingSettings.ALL,
              SecuritySettings.ALL,
              List.<ConfigKey<?>>of(METRICS_PORT),
              ObservabilitySettings.ALL)
          .flatMap(List::stream)
          .toList();

  private WorkerSettings() {}

  /** Every defined key, in reference order; keys with derived defaults come after their inputs. */
  public static List<ConfigKey<?>> all() {
    return ALL;
  }
}
