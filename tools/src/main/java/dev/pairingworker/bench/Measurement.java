package dev.pairingworker.bench;

import dev.pairingworker.client.CommandClient;
import dev.pairingworker.simulator.PingOneSimulator;
import dev.pairingworker.simulator.RecordedRequest;
import dev.pairingworker.simulator.SimulatorStats;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Drives one workload through whatever consumes the commands topic and turns what it saw into
 * figures.
 */
final class Measurement {
  /**
   * Warm-up commands of a run with no {@code --warmup}: enough for the group, the token and the
   * connections, not for the compiler.
   */
  static final int MIN_WARM_UP_COMMANDS = 50;

  private static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(120);

  /**
   * Longer than the simulator's sliding rate-limit window, so warm-up requests no longer count
   * against it.
   */
  private static final Duration SETTLE = Duration.ofMillis(1100);

  private static final double BYTES_PER_MB = 1024.0 * 1024.0;

  private final PingOneSimulator simulator;
  private final CommandClient client;
  private final DoubleSupplier inFlight;
  private final DoubleSupplier limiterRate;
  private final Supplier<MemoryProbe> memory;
  private final LongSupplier workerProcessCpu;

  /** How a run's commands reach the worker and their replies come back. */
  interface Load {
    LoadDriver.Result drive(LoadDriver driver) throws InterruptedException;
  }

  /**
   * @param inFlight PingOne calls in flight now
   * @param limiterRate the client-side rate limit now, NaN without one
   * @param memory a new probe of the memory to watch, for each run
   * @param workerProcessCpu after a run: the CPU time a worker process started by the run used (-1
   *     when the worker runs in this JVM)
   */
  Measurement(
      PingOneSimulator simulator,
      CommandClient client,
      DoubleSupplier inFlight,
      DoubleSupplier limiterRate,
      Supplier<MemoryProbe> memory,
      LongSupplier workerProcessCpu) {
    this.simulator = simulator;
    this.client = client;
    this.inFlight = inFlight;
    this.limiterRate = limiterRate;
    this.memory = memory;
    this.workerProcessCpu = workerProcessCpu;
  }

  /** Watches this JVM's memory: the worker runs in it. */
  Measurement(
      PingOneSimulator simulator,
      CommandClient client,
      DoubleSupplier inFlight,
      DoubleSupplier limiterRate) {
    this(simulator, client, inFlight, limiterRate, HeapWatcher::new, () -> -1);
  }

  /**
   * {@code commands} commands first (each for its own user), so the consumer group has formed, the
   * token is fetched, connections are open and the hot code is compiled before the clock starts.
   */
  void warmUp(String run, int commands) throws InterruptedException {
    Workload warmUp = Workload.creates(run + "-warmup", commands, commands).seededIn(simulator);
    LoadDriver.Result result = new LoadDriver(client).drive(warmUp, 0, WARM_UP_TIMEOUT);
    if (result.unanswered() > 0) {
      throw new IllegalStateException(
          result.unanswered()
              + " of "
              + commands
              + " warm-up commands got no reply within "
              + WARM_UP_TIMEOUT);
    }
    Thread.sleep(SETTLE.toMillis());
  }

  /**
   * Produces the workload, {@code perSecond} commands a second (0: as fast as the producer takes
   * them), and waits for every reply.
   */
  RunFigures measure(
      String name, Workload workload, int users, Bound bound, double perSecond, Duration timeout)
      throws InterruptedException {
    return measure(
        name, workload, users, bound, driver -> driver.drive(workload, perSecond, timeout));
  }

  /** Measures a run whose commands are the workload's, sent and awaited by {@code load}. */
  RunFigures measure(String name, Workload workload, int users, Bound bound, Load load)
      throws InterruptedException {
    simulator.clearRequests();
    SimulatorStats before = simulator.stats();
    ResourceSampler sampler = ResourceSampler.start(inFlight, limiterRate, memory.get());
    CpuUse.Snapshot cpuBefore = CpuUse.take();
    long cpuFrom = System.nanoTime();
    LoadDriver.Result result;
    ResourceSampler.Figures resources;
    try {
      result = load.drive(new LoadDriver(client));
    } finally {
      resources = sampler.stop();
    }
    Map<String, Double> cpu =
        CpuUse.cores(
            cpuBefore,
            CpuUse.take(),
            (System.nanoTime() - cpuFrom) / 1e9,
            workerProcessCpu.getAsLong());
    Map<Integer, Long> requests = difference(before, simulator.stats());
    OrderCheck.Result order = OrderCheck.check(simulator.requests(), workload);
    double seconds = result.elapsed().toNanos() / 1e9;
    long total = requests.values().stream().mapToLong(Long::longValue).sum();
    long answered = workload.size() - result.unanswered();
    double commandsPerSecond = answered / seconds;
    MemoryProbe.Figures memoryPeaks = resources.memory();
    OptionalLong rss = memoryPeaks.peakRssBytes();
    return new RunFigures(
        name,
        workload.size(),
        users,
        seconds,
        commandsPerSecond,
        total,
        total / seconds,
        SteadyRate.of(
            simulator.requests().stream()
                .filter(r -> !r.isTokenRequest())
                .map(RecordedRequest::receivedAt)
                .toList()),
        requests,
        total == 0 ? 0 : requests.getOrDefault(429, 0L) / (double) total,
        result.repliesByStatus(),
        result.unanswered(),
        LatencySummary.of(result.latencyNanos()),
        resources.inFlightMean(),
        resources.inFlightMax(),
        nullIfNaN(resources.limiterRateMean()),
        nullIfNaN(resources.limiterRateMin()),
        order.createsChecked(),
        order.violations(),
        order.usersAffected(),
        bound,
        bound.efficiency(commandsPerSecond),
        memoryPeaks.of(),
        memoryPeaks.peakHeapUsedBytes() / BYTES_PER_MB,
        memoryPeaks.peakHeapAfterGcBytes() / BYTES_PER_MB,
        rss.isPresent() ? rss.getAsLong() / BYTES_PER_MB : null,
        cpu);
  }

  private static Double nullIfNaN(double value) {
    return Double.isNaN(value) ? null : value;
  }

  /** The requests the simulator counted between two snapshots, by status. */
  static Map<Integer, Long> difference(SimulatorStats before, SimulatorStats after) {
    Map<Integer, Long> counted = new TreeMap<>();
    after
        .requestsByStatus()
        .forEach(
            (status, count) -> {
              long delta = count - before.count(status);
              if (delta > 0) {
                counted.put(status, delta);
              }
            });
    return counted;
  }
}
