package dev.pairingworker.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;

/**
 * Everything a {@link PingOneSimulator} needs. Immutable; start from {@link #defaults()} and change
 * what a test cares about with the {@code with...} methods. The constructor names the offending
 * field when a value is invalid (never echoing the client secret).
 *
 * <p>The simulator is a <em>strict</em> tenant by default ({@link TenantSettings}): seed the
 * environments and users a client uses ({@link #withUsers}, {@link #withSeed}), or choose {@link
 * #withLenient lenient} for the simulator that accepts any well-formed environment and user.
 *
 * @param host the address to bind; {@code 127.0.0.1} keeps the simulator off the network
 * @param port the port to bind; 0 picks a free one
 * @param latency the initial latency model; {@link PingOneSimulator#setLatency} changes it while
 *     running
 * @param clock the clock for timestamps, expiry, the rate limit and outages; inject a controllable
 *     one in tests
 * @param faults the initial fault injection; {@link PingOneSimulator#setFaults} changes it while
 *     running
 * @param tenant what the tenant holds (seed, default application, lifetimes) and how strict it is
 */
public record SimulatorSettings(
    String host,
    int port,
    LatencyModel latency,
    Clock clock,
    FaultSettings faults,
    TenantSettings tenant) {

  public SimulatorSettings {
    SeedChecks.requireText(host, "host");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
    }
    Objects.requireNonNull(latency, "latency must not be null");
    Objects.requireNonNull(clock, "clock must not be null");
    Objects.requireNonNull(faults, "faults must not be null");
    Objects.requireNonNull(tenant, "tenant must not be null");
  }

  /**
   * Loopback, a free port, no latency, the system clock, no faults, and a strict tenant with
   * nothing seeded ({@link TenantSettings#defaults()}: client {@code simulator-client}/{@code
   * simulator-secret}, tokens for one hour, keys for 10 minutes, 20 keys per user).
   */
  public static SimulatorSettings defaults() {
    return new SimulatorSettings(
        "127.0.0.1",
        0,
        LatencyModel.none(),
        Clock.systemUTC(),
        FaultSettings.none(),
        TenantSettings.defaults());
  }

  /** The client id of the default worker application. */
  public String clientId() {
    return tenant.clientId();
  }

  /** The client secret of the default worker application. */
  public String clientSecret() {
    return tenant.clientSecret();
  }

  public Duration tokenLifetime() {
    return tenant.tokenLifetime();
  }

  public Duration pairingKeyLifetime() {
    return tenant.pairingKeyLifetime();
  }

  public int maxValidKeysPerUser() {
    return tenant.maxValidKeysPerUser();
  }

  public boolean lenient() {
    return tenant.lenient();
  }

  public SimulatorSettings withHost(String newHost) {
    return new SimulatorSettings(newHost, port, latency, clock, faults, tenant);
  }

  public SimulatorSettings withPort(int newPort) {
    return new SimulatorSettings(host, newPort, latency, clock, faults, tenant);
  }

  public SimulatorSettings withLatency(LatencyModel newLatency) {
    return new SimulatorSettings(host, port, newLatency, clock, faults, tenant);
  }

  public SimulatorSettings withClock(Clock newClock) {
    return new SimulatorSettings(host, port, latency, newClock, faults, tenant);
  }

  public SimulatorSettings withFaults(FaultSettings newFaults) {
    return new SimulatorSettings(host, port, latency, clock, newFaults, tenant);
  }

  public SimulatorSettings withTenant(TenantSettings newTenant) {
    return new SimulatorSettings(host, port, latency, clock, faults, newTenant);
  }

  /** The default worker application's credentials. */
  public SimulatorSettings withCredentials(String newClientId, String newClientSecret) {
    return withTenant(tenant.withCredentials(newClientId, newClientSecret));
  }

  public SimulatorSettings withTokenLifetime(Duration lifetime) {
    return withTenant(tenant.withLifetimes(lifetime, tenant.pairingKeyLifetime()));
  }

  /** The key lifetime of every environment's default policy. */
  public SimulatorSettings withPairingKeyLifetime(Duration lifetime) {
    return withTenant(tenant.withLifetimes(tenant.tokenLifetime(), lifetime));
  }

  public SimulatorSettings withMaxValidKeysPerUser(int max) {
    return withTenant(tenant.withMaxValidKeysPerUser(max));
  }

  /** Lenient: every well-formed environment and user exists and tokens work everywhere. */
  public SimulatorSettings withLenient(boolean lenient) {
    return withTenant(tenant.withLenient(lenient));
  }

  /** Adds the seed to the one already set. */
  public SimulatorSettings withSeed(TenantSeed seed) {
    return withTenant(tenant.withSeed(tenant.seed().merge(seed)));
  }

  /**
   * Seeds the environment (with the default worker application and policy) and these users in it.
   */
  public SimulatorSettings withUsers(String environmentId, Collection<String> users) {
    return withTenant(tenant.withUsers(environmentId, users));
  }

  public SimulatorSettings withExpiredKeyRead(ExpiredKeyRead read) {
    return withTenant(tenant.withExpiredKeyRead(read));
  }
}
