package dev.pairingworker.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a {@link PingOneSimulator} needs. Immutable; start from {@link #defaults()} and change
 * what a test cares about with the {@code with...} methods. The constructor names the offending
 * field when a value is invalid (never echoing the client secret).
 *
 * @param host the address to bind; {@code 127.0.0.1} keeps the simulator off the network
 * @param port the port to bind; 0 picks a free one
 * @param clientId the only client id the token endpoint accepts
 * @param clientSecret the only client secret the token endpoint accepts
 * @param tokenLifetime how long an issued access token stays valid (PingOne: one hour)
 * @param pairingKeyLifetime how long a pairing key stays valid after creation (PingOne default: 10
 *     minutes)
 * @param maxValidKeysPerUser how many unexpired keys one user may hold (PingOne: 20)
 * @param latency the initial latency model; {@link PingOneSimulator#setLatency} changes it while
 *     running
 * @param clock the clock for timestamps, expiry, the rate limit and outages; inject a controllable
 *     one in tests
 * @param faults the initial fault injection; {@link PingOneSimulator#setFaults} changes it while
 *     running
 */
public record SimulatorSettings(
    String host,
    int port,
    String clientId,
    String clientSecret,
    Duration tokenLifetime,
    Duration pairingKeyLifetime,
    int maxValidKeysPerUser,
    LatencyModel latency,
    Clock clock,
    FaultSettings faults) {

  public SimulatorSettings {
    requireText(host, "host");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
    }
    requireText(clientId, "clientId");
    requireText(clientSecret, "clientSecret");
    requirePositive(tokenLifetime, "tokenLifetime");
    requirePositive(pairingKeyLifetime, "pairingKeyLifetime");
    if (maxValidKeysPerUser < 1) {
      throw new IllegalArgumentException(
          "maxValidKeysPerUser must be at least 1: " + maxValidKeysPerUser);
    }
    Objects.requireNonNull(latency, "latency must not be null");
    Objects.requireNonNull(clock, "clock must not be null");
    Objects.requireNonNull(faults, "faults must not be null");
  }

  /**
   * Loopback, a free port, client {@code simulator-client}/{@code simulator-secret}, tokens for one
   * hour, keys for 10 minutes, 20 keys per user, no latency, the system clock, no faults.
   */
  public static SimulatorSettings defaults() {
    return new SimulatorSettings(
        "127.0.0.1",
        0,
        "simulator-client",
        "simulator-secret",
        Duration.ofHours(1),
        Duration.ofMinutes(10),
        20,
        LatencyModel.none(),
        Clock.systemUTC(),
        FaultSettings.none());
  }

  public SimulatorSettings withHost(String newHost) {
    return new SimulatorSettings(
        newHost,
        port,
        clientId,
        clientSecret,
        tokenLifetime,
        pairingKeyLifetime,
        maxValidKeysPerUser,
        latency,
        clock,
        faults);
  }

  public SimulatorSettings withPort(int newPort) {
    return new SimulatorSettings(
        host,
        newPort,
        clientId,
        clientSecret,
        tokenLifetime,
        pairingKeyLifetime,
        maxValidKeysPerUser,
        latency,
        clock,
        faults);
  }

  public SimulatorSettings withCredentials(String newClientId, String newClientSecret) {
    return new SimulatorSettings(
        host,
        port,
        newClientId,
        newClientSecret,
        tokenLifetime,
        pairingKeyLifetime,
        maxValidKeysPerUser,
        latency,
        clock,
        faults);
  }

  public SimulatorSettings withTokenLifetime(Duration lifetime) {
    return new SimulatorSettings(
        host,
        port,
        clientId,
        clientSecret,
        lifetime,
        pairingKeyLifetime,
        maxValidKeysPerUser,
        latency,
        clock,
        faults);
  }

  public SimulatorSettings withPairingKeyLifetime(Duration lifetime) {
    return new SimulatorSettings(
        host,
        port,
        clientId,
        clientSecret,
        tokenLifetime,
        lifetime,
        maxValidKeysPerUser,
        latency,
        clock,
        faults);
  }

  public SimulatorSettings withMaxValidKeysPerUser(int max) {
    return new SimulatorSettings(
        host,
        port,
        clientId,
        clientSecret,
        tokenLifetime,
        pairingKeyLifetime,
        max,
        latency,
        clock,
        faults);
  }

  public SimulatorSettings withLatency(LatencyModel newLatency) {
    return new SimulatorSettings(
        host,
        port,
        clientId,
        clientSecret,
        tokenLifetime,
        pairingKeyLifetime,
        maxValidKeysPerUser,
        newLatency,
        clock,
        faults);
  }

  public SimulatorSettings withClock(Clock newClock) {
    return new SimulatorSettings(
        host,
        port,
        clientId,
        clientSecret,
        tokenLifetime,
        pairingKeyLifetime,
        maxValidKeysPerUser,
        latency,
        newClock,
        faults);
  }

  public SimulatorSettings withFaults(FaultSettings newFaults) {
    return new SimulatorSettings(
        host,
        port,
        clientId,
        clientSecret,
        tokenLifetime,
        pairingKeyLifetime,
        maxValidKeysPerUser,
        latency,
        clock,
        newFaults);
  }

  /** Masks the client secret: settings end up in logs and test reports. */
  @Override
  public String toString() {
    return "SimulatorSettings[host="
        + host
        + ", port="
        + port
        + ", clientId="
        + clientId
        + ", clientSecret=****, tokenLifetime="
        + tokenLifetime
        + ", pairingKeyLifetime="
        + pairingKeyLifetime
        + ", maxValidKeysPerUser="
        + maxValidKeysPerUser
        + ", latency="
        + latency
        + ", clock="
        + clock
        + ", faults="
        + faults
        + "]";
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
  }

  private static void requirePositive(Duration value, String field) {
    Objects.requireNonNull(value, field + " must not be null");
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(field + " must be positive: " + value);
    }
  }
}
