package dev.pairingworker.bench;

import dev.pairingworker.simulator.Fault;
import dev.pairingworker.simulator.FaultSettings;
import dev.pairingworker.simulator.LatencyModel;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One benchmark invocation's settings. The constructor names the offending field when a value is
 * invalid.
 *
 * @param commands commands the worker run produces
 * @param users users they are spread over, round-robin; each user gets about {@code commands /
 *     users} in a row (with {@code userRuns}, each user's commands one after the other)
 * @param partitions partitions of the commands topic
 * @param latency the simulator's fixed latency, or the median when {@code latencyP99} is set
 * @param latencyP99 with a value, a long-tailed latency with this 99th percentile; null for a fixed
 *     latency
 * @param simRateLimit requests per second the simulator admits before answering 429; 0 for none
 * @param faults the chance of each injected fault per request
 * @param inFlight the worker's {@code worker.max.in-flight}
 * @param rateLimit the worker's {@code pingone.rate.limit}; 0 for none
 * @param serialBaseline whether the naive serial baseline also runs
 * @param baselineCommands commands the baseline run produces (it is slow)
 * @param timeout how long a run may wait for all its replies
 * @param seed seed of the simulator's random latency and faults, so a run can be repeated
 * @param warmup commands run before the clock starts; with {@code workerProcess}, the commands of
 *     an unreported run of another worker process first, so that the broker, the simulator and the
 *     bench's own code are warm (0: none) while the measured worker process starts cold
 * @param produceRate commands produced per second, evenly spaced; 0 to produce them all at once
 * @param workerProcess with a value, the worker runs as its own process on a backlog produced
 *     before it starts, and its memory is measured; null for the worker in this JVM
 * @param fleet with a value, several workers run as their own processes in one group on a backlog,
 *     and the share of the simulator's rate limit they use is measured as workers leave and join;
 *     null otherwise
 * @param userRuns produce each user's commands in a run, one user after the other, instead of
 *     round-robin (the order an onboarding batch often has: a user's commands together)
 */
public record BenchOptions(
    int commands,
    int users,
    int partitions,
    Duration latency,
    Duration latencyP99,
    int simRateLimit,
    Map<Fault, Double> faults,
    int inFlight,
    int rateLimit,
    boolean serialBaseline,
    int baselineCommands,
    Duration timeout,
    long seed,
    int warmup,
    double produceRate,
    WorkerProcessOptions workerProcess,
    FleetOptions fleet,
    boolean userRuns) {

  /**
   * Warm-up commands by default, so that a short run reports warm figures: broker, simulator and
   * worker share one JVM, whose compiler is still busy after a thousand commands (measured in
   * docs/benchmarks.md, section 2).
   */
  public static final int DEFAULT_WARMUP = 10_000;

  public BenchOptions {
    requireAtLeast("commands", commands, 1);
    requireAtLeast("users", users, 1);
    if (users > commands) {
      throw new IllegalArgumentException(
          "users (" + users + ") must not exceed commands (" + commands + ")");
    }
    requireAtLeast("partitions", partitions, 1);
    Objects.requireNonNull(latency, "latency");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + latency);
    }
    if (latencyP99 != null && latencyP99.compareTo(latency) <= 0) {
      throw new IllegalArgumentException(
          "latencyP99 (" + latencyP99 + ") must be greater than latency (" + latency + ")");
    }
    requireAtLeast("simRateLimit", simRateLimit, 0);
    faults = Map.copyOf(faults);
    requireAtLeast("inFlight", inFlight, 1);
    requireAtLeast("rateLimit", rateLimit, 0);
    requireAtLeast("baselineCommands", baselineCommands, 1);
    Objects.requireNonNull(timeout, "timeout");
    // A worker in this JVM needs a few commands before the clock starts (the group forms, the
    // token is fetched); a worker process is measured from its start, so its warm-up may be none.
    requireAtLeast("warmup", warmup, workerProcess == null ? 1 : 0);
    if (!(produceRate >= 0) || Double.isInfinite(produceRate)) {
      throw new IllegalArgumentException(
          "produceRate must be 0 or a positive rate: " + produceRate);
    }
    if (produceRate > 0 && workerProcess != null) {
      throw new IllegalArgumentException(
          "produceRate needs the worker in this JVM: a worker process drains a backlog");
    }
    if (fleet != null) {
      if (workerProcess != null || produceRate > 0) {
        throw new IllegalArgumentException(
            "fleet starts its own worker processes on a backlog: no workerProcess, no produceRate");
      }
      if (partitions < fleet.workers()) {
        throw new IllegalArgumentException(
            "partitions ("
                + partitions
                + ") must be at least the fleet's workers ("
                + fleet.workers()
                + "), or a worker owns none");
      }
    }
    // Validates the fault chances (each 0 to 1, together at most 1) now rather than after the
    // broker started.
    faultSettings(simRateLimit, faults, seed);
  }

  /**
   * The defaults of the {@code bench} command: 6000 creates over 1500 users, 50 ms, 256 in flight,
   * no limits.
   */
  public static BenchOptions defaults() {
    return new BenchOptions(
        6000,
        1500,
        1,
        Duration.ofMillis(50),
        null,
        0,
        Map.of(),
        256,
        0,
        true,
        200,
        Duration.ofMinutes(5),
        1,
        DEFAULT_WARMUP,
        0,
        null,
        null,
        false);
  }

  /**
   * The options of a worker process's unreported warm-up run: {@code warmup} commands, as many per
   * user as the measured run, no baseline.
   */
  BenchOptions warmUpRun() {
    int warmUpUsers = (int) Math.max(1, Math.min(warmup, (long) warmup * users / commands));
    return new BenchOptions(
        warmup,
        warmUpUsers,
        partitions,
        latency,
        latencyP99,
        simRateLimit,
        faults,
        inFlight,
        rateLimit,
        false,
        baselineCommands,
        timeout,
        seed,
        0,
        produceRate,
        workerProcess,
        fleet,
        userRuns);
  }

  /**
   * The worker's {@code worker.max.buffered}: large enough that the consumer never starves the call
   * slots.
   */
  public int maxBuffered() {
    return Math.max(1000, 4 * inFlight);
  }

  /** The simulator's latency model. */
  public LatencyModel latencyModel() {
    if (latencyP99 != null) {
      return LatencyModel.longTail(latency, latencyP99, seed);
    }
    return latency.isZero() ? LatencyModel.none() : LatencyModel.fixed(latency);
  }

  /** The simulator's rate limit and faults. */
  public FaultSettings faultSettings() {
    return faultSettings(simRateLimit, faults, seed);
  }

  private static FaultSettings faultSettings(
      int simRateLimit, Map<Fault, Double> faults, long seed) {
    FaultSettings settings =
        FaultSettings.none().withRateLimitPerSecond(simRateLimit).withSeed(seed);
    Map<Fault, Double> ordered = new EnumMap<>(Fault.class);
    ordered.putAll(faults);
    for (Map.Entry<Fault, Double> fault : ordered.entrySet()) {
      settings = settings.withProbability(fault.getKey(), fault.getValue());
    }
    return settings;
  }

  private static void requireAtLeast(String field, int value, int minimum) {
    if (value < minimum) {
      throw new IllegalArgumentException(field + " must be at least " + minimum + ": " + value);
    }
  }
}
