package dev.pairingworker.cli;

import dev.pairingworker.config.Durations;
import dev.pairingworker.simulator.EnvironmentSeed;
import dev.pairingworker.simulator.ExpiredKeyRead;
import dev.pairingworker.simulator.Fault;
import dev.pairingworker.simulator.FaultSettings;
import dev.pairingworker.simulator.LatencyModel;
import dev.pairingworker.simulator.PingOneSimulator;
import dev.pairingworker.simulator.SimulatorSettings;
import dev.pairingworker.simulator.TenantSeed;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code simulate --port N}: the PingOne simulator alone, for local runs, users' own tests and
 * benchmarks, optionally with latency, a rate limit, random faults and one outage. A strict tenant
 * unless {@code --lenient}: it knows the environments and users of {@code --seed FILE} and {@code
 * --environment}, and those added through {@code /admin} while it runs (docs/simulator.md).
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Run the PingOne simulator (token endpoint and pairing-key API) until Ctrl-C.")
final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port (0 = any free port). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to bind. Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(
      names = "--client-id",
      defaultValue = "simulator-client",
      description = "Client id of the worker application every environment gets.")
  String clientId;

  @Option(
      names = "--client-secret",
      defaultValue = "simulator-secret",
      description = "Its client secret (CLIENT_SECRET_BASIC, MFA role).")
  String clientSecret;

  @Option(
      names = "--seed",
      paramLabel = "FILE",
      description = "Seed file (JSON): environments, users, applications, policies.")
  Path seedFile;

  @Option(
      names = "--environment",
      paramLabel = "ID",
      description = "Seed this environment (repeatable), with the worker application and no users.")
  List<String> environments = List.of();

  @Option(
      names = "--lenient",
      description = "Every well-formed environment and user exists; tokens work everywhere.")
  boolean lenient;

  @Option(
      names = "--expired-key-read",
      defaultValue = "NOT_FOUND",
      description = "What reading an expired key answers: NOT_FOUND or STALE_RESOURCE.")
  ExpiredKeyRead expiredKeyRead;

  @Option(
      names = "--token-lifetime",
      defaultValue = "1h",
      description = "Access-token lifetime, e.g. 5s, 1h.")
  String tokenLifetime;

  @Option(
      names = "--latency-distribution",
      defaultValue = "fixed",
      description = "fixed, normal or longtail. Default: ${DEFAULT-VALUE}.")
  String distribution;

  @Option(
      names = "--latency",
      defaultValue = "0ms",
      description = "The fixed latency, the normal mean or the long-tail median, e.g. 50ms.")
  String latency;

  @Option(
      names = "--latency-stddev",
      defaultValue = "0ms",
      description = "Standard deviation of the normal distribution.")
  String latencyStddev;

  @Option(
      names = "--latency-p99",
      description = "99th percentile of the long-tail distribution (required with longtail).")
  String latencyP99;

  @Option(
      names = "--rate-limit",
      defaultValue = "0",
      description = "API requests admitted per sliding second; more get 429 (0 = no limit).")
  int rateLimit;

  @Option(names = "--p500", defaultValue = "0", description = "Chance of 500 UNEXPECTED_ERROR.")
  double p500;

  @Option(names = "--p502", defaultValue = "0", description = "Chance of 502.")
  double p502;

  @Option(names = "--p503", defaultValue = "0", description = "Chance of 503 without Retry-After.")
  double p503;

  @Option(
      names = "--p503-retry-after",
      defaultValue = "0",
      description = "Chance of 503 with Retry-After.")
  double p503RetryAfter;

  @Option(
      names = "--retry-after-seconds",
      defaultValue = "1",
      description = "Retry-After of --p503-retry-after. Default: ${DEFAULT-VALUE}.")
  int retryAfterSeconds;

  @Option(names = "--p504", defaultValue = "0", description = "Chance of 504.")
  double p504;

  @Option(
      names = "--reset",
      defaultValue = "0",
      description = "Chance of closing the connection without a response.")
  double reset;

  @Option(
      names = "--after-effect",
      defaultValue = "0",
      description = "Chance that a fault strikes after the request took effect (ambiguous create).")
  double afterEffect;

  @Option(
      names = "--faults-on-token-endpoint",
      description = "Rate limit, faults and outage also hit the token endpoint.")
  boolean faultsOnTokenEndpoint;

  @Option(
      names = "--token-rate-limit",
      defaultValue = "0",
      description = "Token requests admitted per sliding second; more get 429 (0 = no limit).")
  int tokenRateLimit;

  @Option(
      names = "--html-gateway-errors",
      description = "502, 503 and 504 come with a proxy's HTML page instead of JSON.")
  boolean htmlGatewayErrors;

  @Option(
      names = "--random-seed",
      defaultValue = "1",
      description = "Seed of faults and latency. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--replication-lag",
      defaultValue = "0s",
      description =
          "A new key is 404 to reads and deletes for this long after its creation. Default:"
              + " ${DEFAULT-VALUE}.")
  String replicationLag;

  @Option(names = "--outage-after", description = "Start one outage this long after start.")
  String outageAfter;

  @Option(
      names = "--outage-length",
      defaultValue = "20s",
      description = "Length of the outage. Default: ${DEFAULT-VALUE}.")
  String outageLength;

  @Option(
      names = "--outage-status",
      defaultValue = "503",
      description = "Outage status: 503, 500, 502, 504 or 0 (reset). Default: ${DEFAULT-VALUE}.")
  int outageStatus;

  @Override
  public Integer call() throws IOException, InterruptedException {
    SimulatorSettings settings = settings();
    Duration lag = duration("--replication-lag", replicationLag);
    PingOneSimulator simulator = PingOneSimulator.start(settings);
    simulator.setReplicationLag(lag);
    System.out.printf(
        "PingOne simulator listening%n  pingone.api.url=%s%n  pingone.auth.url=%s%n"
            + "  pingone.client.id=%s%n  tenant=%s%n  latency=%s%n  faults=%s%n  replication lag=%s%n"
            + "  add users: POST %s/admin/environments/{environmentId}/users {\"id\": ...}%n",
        simulator.apiBaseUrl(),
        simulator.authBaseUrl(),
        clientId,
        settings.tenant(),
        settings.latency(),
        settings.faults(),
        lag,
        simulator.authBaseUrl());
    AutoCloseable printStats = () -> System.out.println("Simulator stats: " + simulator.stats());
    Shutdown.onSignal(printStats, simulator);
    CountDownLatch forever = new CountDownLatch(1);
    if (outageAfter != null) {
      Duration after = duration("--outage-after", outageAfter);
      forever.await(after.toNanos(), TimeUnit.NANOSECONDS);
      simulator.startOutage(duration("--outage-length", outageLength), outageStatus);
      System.out.printf("Outage started: status %d for %s%n", outageStatus, outageLength);
    }
    forever.await();
    return 0;
  }

  /** Validated up front, so a bad flag is a usage error rather than a half-started simulator. */
  private SimulatorSettings settings() {
    try {
      duration("--replication-lag", replicationLag);
      if (outageAfter != null) {
        duration("--outage-after", outageAfter);
        duration("--outage-length", outageLength);
        if (!List.of(0, 500, 502, 503, 504).contains(outageStatus)) {
          throw new IllegalArgumentException(
              "--outage-status: invalid value '"
                  + outageStatus
                  + "': expected 0, 500, 502, 503 or 504");
        }
      }
      return SimulatorSettings.defaults()
          .withHost(host)
          .withPort(port)
          .withCredentials(clientId, clientSecret)
          .withLatency(latencyModel())
          .withTokenLifetime(duration("--token-lifetime", tokenLifetime))
          .withFaults(faults())
          .withLenient(lenient)
          .withExpiredKeyRead(expiredKeyRead)
          .withSeed(seed());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private TenantSeed seed() {
    TenantSeed seeded = TenantSeed.empty();
    if (seedFile != null) {
      try {
        seeded = TenantSeed.read(seedFile);
      } catch (IOException e) {
        throw new IllegalArgumentException("--seed: cannot read " + seedFile + ": " + e, e);
      }
    }
    for (String environment : environments) {
      seeded = seeded.with(EnvironmentSeed.of(environment));
    }
    return seeded;
  }

  private LatencyModel latencyModel() {
    Duration base = duration("--latency", latency);
    return switch (distribution) {
      case "fixed" -> LatencyModel.fixed(base);
      case "normal" -> LatencyModel.normal(base, duration("--latency-stddev", latencyStddev), seed);
      case "longtail" -> {
        if (latencyP99 == null) {
          throw new IllegalArgumentException(
              "--latency-p99 is required with --latency-distribution longtail");
        }
        yield LatencyModel.longTail(base, duration("--latency-p99", latencyP99), seed);
      }
      default ->
          throw new IllegalArgumentException(
              "--latency-distribution: invalid value '"
                  + distribution
                  + "': expected fixed, normal or longtail");
    };
  }

  private FaultSettings faults() {
    return FaultSettings.none()
        .withRateLimitPerSecond(atLeast("--rate-limit", rateLimit, 0))
        .withProbability(Fault.INTERNAL_ERROR, chance("--p500", p500))
        .withProbability(Fault.BAD_GATEWAY, chance("--p502", p502))
        .withProbability(Fault.UNAVAILABLE, chance("--p503", p503))
        .withProbability(
            Fault.UNAVAILABLE_RETRY_AFTER, chance("--p503-retry-after", p503RetryAfter))
        .withProbability(Fault.GATEWAY_TIMEOUT, chance("--p504", p504))
        .withProbability(Fault.CONNECTION_RESET, chance("--reset", reset))
        .withRetryAfterSeconds(atLeast("--retry-after-seconds", retryAfterSeconds, 1))
        .withAfterEffect(chance("--after-effect", afterEffect))
        .withTokenEndpoint(faultsOnTokenEndpoint)
        .withTokenRateLimitPerSecond(atLeast("--token-rate-limit", tokenRateLimit, 0))
        .withHtmlGatewayErrors(htmlGatewayErrors)
        .withSeed(seed);
  }

  private static double chance(String option, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(
          option + ": invalid value '" + value + "': expected a chance between 0 and 1");
    }
    return value;
  }

  private static int atLeast(String option, int value, int minimum) {
    if (value < minimum) {
      throw new IllegalArgumentException(
          option + ": invalid value '" + value + "': expected at least " + minimum);
    }
    return value;
  }

  private static Duration duration(String option, String text) {
    return Durations.parse(option, text);
  }
}
