package dev.pairingworker.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairingworker.command.Json;
import dev.pairingworker.command.Op;
import dev.pairingworker.config.ConfigLoader;
import dev.pairingworker.metrics.HealthState;
import dev.pairingworker.pingone.CallContext;
import dev.pairingworker.pingone.CallOutcome;
import dev.pairingworker.pingone.CallResult;
import dev.pairingworker.pingone.PingOneObserver;
import dev.pairingworker.pingone.PingOneRequest;
import dev.pairingworker.simulator.ApplicationKind;
import dev.pairingworker.simulator.ApplicationSeed;
import dev.pairingworker.simulator.EnvironmentSeed;
import dev.pairingworker.simulator.PingOneSimulator;
import dev.pairingworker.simulator.RecordedRequest;
import dev.pairingworker.simulator.SeededAuthMethod;
import dev.pairingworker.simulator.SimulatorSettings;
import dev.pairingworker.simulator.TenantSeed;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A strict simulator with one environment, one user and the worker application, and the worker's
 * PingOne client configured for it as in production: a properties file read by {@link
 * ConfigLoader}, the client built by {@link PingOneClient#create}.
 */
final class ClientAuthFixture implements AutoCloseable {
  static final String ENV = "0b3e8a52-6c1d-4f7a-9e25-3d4c5b6a7f80";
  static final String USER = "c4d5e6f7-a8b9-4c0d-8e1f-2a3b4c5d6e7f";
  static final String CLIENT_ID = "pairing-worker-e2e";
  private static final String APPLICATION_ID = "7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918";

  private final Path dir;
  private final Clock clock;
  private final SimulatorSettings settings;
  final HealthState health = new HealthState();
  PingOneSimulator simulator;
  private PingOneClient client;

  /**
   * @param dir where the properties file goes
   * @param clock the worker's clock
   * @param settings the simulator's settings, its seed aside
   */
  ClientAuthFixture(Path dir, Clock clock, SimulatorSettings settings) {
    this.dir = dir;
    this.clock = clock;
    this.settings = settings;
  }

  /** Starts the simulator with the worker application using {@code method}. */
  void tenant(SeededAuthMethod method, String secret, PublicKey key) throws Exception {
    ApplicationSeed app =
        new ApplicationSeed(
            APPLICATION_ID,
            ApplicationKind.WORKER,
            CLIENT_ID,
            secret,
            method,
            key == null ? null : ApplicationSeed.pem(key),
            true);
    EnvironmentSeed environment =
        EnvironmentSeed.of(ENV).withUsers(List.of(USER)).withApplication(app);
    simulator = PingOneSimulator.start(settings.withSeed(TenantSeed.empty().with(environment)));
  }

  /** The worker's PingOne client from a properties file with these auth (and other) settings. */
  void worker(Map<String, String> auth) throws Exception {
    Properties properties = new Properties();
    properties.setProperty("pingone.environment.id", ENV);
    properties.setProperty("pingone.client.id", CLIENT_ID);
    properties.setProperty("pingone.api.url", simulator.apiBaseUrl().toString());
    properties.setProperty("pingone.auth.url", simulator.authBaseUrl().toString());
    auth.forEach(properties::setProperty);
    Path file = dir.resolve("worker.properties");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      properties.store(out, null);
    }
    client =
        PingOneClient.create(
            ConfigLoader.load(file, Map.of()),
            clock,
            Json.mapper(),
            new PingOneHealth(PingOneObserver.NONE, health));
  }

  /** A pairing key for {@link #USER}, created by the worker's client as for a command. */
  CallResult create() throws Exception {
    return createAsync().get(30, TimeUnit.SECONDS);
  }

  CompletableFuture<CallResult> createAsync() {
    return client
        .caller()
        .call(
            new PingOneRequest(Op.CREATE, ENV, USER, null, null, "auth-e2e", null),
            CallContext.NONE);
  }

  static int status(CallResult result) {
    assertThat(result.outcome()).isInstanceOf(CallOutcome.Answered.class);
    return ((CallOutcome.Answered) result.outcome()).response().status();
  }

  List<RecordedRequest> tokenRequests() {
    return simulator.requests().stream().filter(RecordedRequest::isTokenRequest).toList();
  }

  int validKeys() {
    return simulator.validKeyCount(ENV, USER);
  }

  @Override
  public void close() {
    if (client != null) {
      client.executor().shutdownNow();
    }
    if (simulator != null) {
      simulator.close();
    }
  }
}
