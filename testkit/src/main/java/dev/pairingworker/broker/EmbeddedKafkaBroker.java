package dev.pairingworker.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node KRaft broker (combined broker and controller) on loopback, for the demo, the
 * benchmark and the tests; the worker itself never starts one.
 *
 * <p>Optionally it also has a {@code SASL_PLAINTEXT} listener for clients, authenticating SCRAM
 * users created when the storage is formatted, and enforces ACLs with the KRaft authorizer. The
 * internal {@code PLAINTEXT} and {@code CONTROLLER} listeners stay unauthenticated; their principal
 * ({@code User:ANONYMOUS}) is a super user, so they are for the broker itself only: give clients
 * {@link #saslBootstrapServers()}.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
  /** The principal of connections on the unauthenticated internal listeners. */
  private static final String INTERNAL_PRINCIPAL = "User:ANONYMOUS";

  private static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

  private final Path dataDir;
  private final int brokerPort;
  private final int controllerPort;
  private final ScramUsers scram;
  private final int saslPort;
  private final boolean deleteOnClose;
  private KafkaRaftServer server;

  /**
   * SCRAM-SHA-512 users to create at format time (name → password) and the one among them who is a
   * super user (bypasses ACLs: creates topics and grants ACLs to the others).
   */
  public record ScramUsers(String superUser, Map<String, String> passwords) {
    public ScramUsers {
      passwords = Map.copyOf(passwords);
      if (!passwords.containsKey(superUser)) {
        throw new IllegalArgumentException("the super user " + superUser + " needs a password");
      }
      // The format-time syntax, name=...,password=... in brackets, has no escaping for these.
      passwords.forEach(
          (name, password) -> {
            if (!(name + password).matches("[^,\\[\\]=\"\\s]+")) {
              throw new IllegalArgumentException(
                  "SCRAM user " + name + ": name or password contains , [ ] = \" or a space");
            }
          });
    }
  }

  /** Creates (or reopens) a broker on {@code dataDir}; a fresh directory gets fresh free ports. */
  public EmbeddedKafkaBroker(Path dataDir) {
    this(dataDir, freePort(), freePort());
  }

  public EmbeddedKafkaBroker(Path dataDir, int brokerPort, int controllerPort) {
    this(dataDir, brokerPort, controllerPort, null, -1, false);
  }

  /**
   * A broker with a SCRAM-SHA-512 {@code SASL_PLAINTEXT} client listener and ACLs enforced (nothing
   * is allowed without an ACL, except to the super user). Use a fresh {@code dataDir}: users are
   * created only when it is formatted.
   */
  public EmbeddedKafkaBroker(Path dataDir, ScramUsers scram) {
    this(dataDir, freePort(), freePort(), Objects.requireNonNull(scram), freePort(), false);
  }

  private EmbeddedKafkaBroker(
      Path dataDir,
      int brokerPort,
      int controllerPort,
      ScramUsers scram,
      int saslPort,
      boolean deleteOnClose) {
    this.dataDir = dataDir;
    this.brokerPort = brokerPort;
    this.controllerPort = controllerPort;
    this.scram = scram;
    this.saslPort = saslPort;
    this.deleteOnClose = deleteOnClose;
  }

  /**
   * Starts a broker in a new temporary directory, which closing the broker deletes: for the demo
   * and the benchmark, whose data is worth nothing afterwards.
   */
  public static EmbeddedKafkaBroker startTemporary(String prefix) {
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new EmbeddedKafkaBroker(dataDir, freePort(), freePort(), null, -1, true).start();
  }

  /** Formats the data directory on first use, then starts the broker and returns this. */
  public synchronized EmbeddedKafkaBroker start() {
    try {
      Path logDir = dataDir.resolve("log");
      KafkaConfig config = KafkaConfig.fromProps(properties(logDir));
      if (!Files.exists(logDir.resolve("meta.properties"))) {
        format(logDir);
      }
      server = new KafkaRaftServer(config, Time.SYSTEM);
      server.startup();
      return this;
    } catch (Exception e) {
      throw new IllegalStateException("could not start the embedded Kafka broker in " + dataDir, e);
    }
  }

  /** The {@code bootstrap.servers} value clients use to reach it. */
  public String bootstrapServers() {
    return "127.0.0.1:" + brokerPort;
  }

  /** The {@code bootstrap.servers} of the SASL listener; only for a broker made with users. */
  public String saslBootstrapServers() {
    if (scram == null) {
      throw new IllegalStateException("this broker has no SASL listener");
    }
    return "127.0.0.1:" + saslPort;
  }

  /**
   * Stops the broker; its data directory is kept so that it can be started again on the same data
   * (except for a broker made by {@link #startTemporary}, whose directory is deleted).
   */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
    }
    if (deleteOnClose) {
      deleteQuietly(dataDir);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      // a temporary directory; the OS cleans it eventually
    }
  }

  private void format(Path logDir) throws Exception {
    Files.createDirectories(logDir);
    Formatter formatter = new Formatter();
    if (scram != null) {
      formatter.setScramArguments(scramArguments(scram));
    }
    formatter
        .setClusterId(Uuid.randomUuid().toString())
        .setNodeId(1)
        .setDirectories(java.util.List.of(logDir.toString()))
        .setMetadataLogDirectory(logDir.toString())
        .setReleaseVersion(MetadataVersion.latestProduction())
        .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
        .setControllerListenerName("CONTROLLER")
        .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
        .run();
  }

  /** kafka-storage-tool style entries: {@code SCRAM-SHA-512=[name=alice,password=secret]}. */
  private static List<String> scramArguments(ScramUsers scram) {
    return scram.passwords().entrySet().stream()
        .map(u -> SCRAM_MECHANISM + "=[name=" + u.getKey() + ",password=" + u.getValue() + "]")
        .sorted()
        .toList();
  }

  private Properties properties(Path logDir) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.put(
        "listeners",
        "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "3");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("num.partitions", "1");
    p.put("auto.create.topics.enable", "true");
    p.put("log.flush.interval.messages", "9223372036854775807");
    if (scram != null) {
      secure(p);
    }
    return p;
  }

  /** Adds the SASL client listener and the authorizer to the plain configuration. */
  private void secure(Properties p) {
    String sasl = "SASL_PLAINTEXT://127.0.0.1:" + saslPort;
    p.put("listeners", p.get("listeners") + "," + sasl);
    p.put("advertised.listeners", p.get("advertised.listeners") + "," + sasl);
    p.put(
        "listener.security.protocol.map",
        p.get("listener.security.protocol.map") + ",SASL_PLAINTEXT:SASL_PLAINTEXT");
    p.put("sasl.enabled.mechanisms", SCRAM_MECHANISM);
    p.put(
        "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    p.put("super.users", "User:" + scram.superUser() + ";" + INTERNAL_PRINCIPAL);
    p.put("allow.everyone.if.no.acl.found", "false");
    p.put("auto.create.topics.enable", "false");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
