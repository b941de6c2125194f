package dev.pairingworker.testkit;

import dev.pairingworker.simulator.PingOneSimulator;
import dev.pairingworker.simulator.SimulatorSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The worker settings that point a worker at a PingOne simulator (and a Kafka broker), for the
 * tests, the demo and the benchmark: one place instead of a map built by hand in each.
 *
 * <p>{@link #workerSettings} writes the simulator's {@code pingone.api.url} and {@code
 * pingone.auth.url}, the environment and the simulator's client ID and secret; the other methods
 * add Kafka, the group, the topics and any other key, a later value replacing an earlier one.
 * {@link #toMap()} gives them as key → text, for {@code WorkerConfig.of} or a configuration file.
 * It writes only keys the worker defines; an unknown key passed to {@link #set} is refused by the
 * worker when it starts.
 */
public final class SimulatedPingOne {
  private final Map<String, String> settings = new HashMap<>();

  private SimulatedPingOne() {}

  /**
   * Settings for a worker calling {@code simulator}, started with {@code simulatorSettings} (whose
   * client ID and secret the worker presents), in PingOne environment {@code environmentId}.
   *
   * <p>The simulator is a strict tenant, so this seeds the environment in it: with the settings'
   * worker application (client ID and secret, {@code CLIENT_SECRET_BASIC}, granted the MFA role)
   * and the default policy. The users the worker acts on must be seeded too ({@link
   * PingOneSimulator#addUsers}, {@link SimulatorSettings#withUsers}); a lenient simulator needs
   * neither.
   */
  public static SimulatedPingOne workerSettings(
      PingOneSimulator simulator, SimulatorSettings simulatorSettings, String environmentId) {
    simulator.addUsers(environmentId, List.of());
    return new SimulatedPingOne()
        .set("pingone.api.url", simulator.apiBaseUrl().toString())
        .set("pingone.auth.url", simulator.authBaseUrl().toString())
        .set("pingone.environment.id", environmentId)
        .set("pingone.client.id", simulatorSettings.clientId())
        .set("pingone.client.secret", simulatorSettings.clientSecret());
  }

  /** {@code kafka.bootstrap.servers}. */
  public SimulatedPingOne kafka(String bootstrapServers) {
    return set("kafka.bootstrap.servers", bootstrapServers);
  }

  /** {@code worker.group.id}. */
  public SimulatedPingOne group(String id) {
    return set("worker.group.id", id);
  }

  /** {@code worker.topic.commands} and {@code worker.topic.replies}. */
  public SimulatedPingOne topics(String commands, String replies) {
    return set("worker.topic.commands", commands).set("worker.topic.replies", replies);
  }

  /** The commands, reply and dead-letter topics. */
  public SimulatedPingOne topics(String commands, String replies, String deadLetter) {
    return topics(commands, replies).set("worker.topic.dead-letter", deadLetter);
  }

  /** The commands, reply, dead-letter and ledger topics. */
  public SimulatedPingOne topics(
      String commands, String replies, String deadLetter, String ledger) {
    return topics(commands, replies, deadLetter).set("worker.topic.ledger", ledger);
  }

  /** {@code metrics.port}; 0 picks a free port. */
  public SimulatedPingOne metricsPort(int port) {
    return set("metrics.port", Integer.toString(port));
  }

  /** Any other setting of the worker. */
  public SimulatedPingOne set(String key, String value) {
    settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, key));
    return this;
  }

  /** Every setting of {@code more}, replacing those already set. */
  public SimulatedPingOne setAll(Map<String, String> more) {
    more.forEach(this::set);
    return this;
  }

  /** The settings so far, as a new mutable map. */
  public Map<String, String> toMap() {
    return new HashMap<>(settings);
  }
}
