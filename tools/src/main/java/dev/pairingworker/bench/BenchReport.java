package dev.pairingworker.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one {@code bench} invocation measured; written as is by {@code --json}.
 *
 * @param settings the settings of the run, by option name
 * @param cores processors available to this JVM
 * @param worker the product's worker
 * @param variants the worker again with some settings changed ({@code --compare-guarantees}), in
 *     the order they ran; empty when none ran
 * @param serialBaseline the naive serial worker, or null when not run
 * @param speedupOverSerial worker commands per second ÷ baseline commands per second, or null
 * @param workerProcess with {@code --worker-process}, what the worker's own process showed; else
 *     null
 * @param fleet with {@code --fleet}, the phases and the reply check; else null ({@code worker} is
 *     then the whole fleet run)
 */
public record BenchReport(
    Map<String, Object> settings,
    int cores,
    RunFigures worker,
    List<RunFigures> variants,
    RunFigures serialBaseline,
    Double speedupOverSerial,
    WorkerProcessFigures workerProcess,
    FleetFigures fleet) {

  public BenchReport {
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    variants = List.copyOf(variants);
  }

  static BenchReport of(
      BenchOptions options,
      RunFigures worker,
      List<RunFigures> variants,
      RunFigures baseline,
      WorkerProcessFigures workerProcess,
      FleetFigures fleet) {
    Double speedup =
        baseline == null || baseline.commandsPerSecond() == 0
            ? null
            : worker.commandsPerSecond() / baseline.commandsPerSecond();
    return new BenchReport(
        settings(options),
        Runtime.getRuntime().availableProcessors(),
        worker,
        variants,
        baseline,
        speedup,
        workerProcess,
        fleet);
  }

  private static Map<String, Object> settings(BenchOptions options) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("commands", options.commands());
    settings.put("users", options.users());
    settings.put("userRuns", options.userRuns());
    settings.put("partitions", options.partitions());
    settings.put("latencyMs", options.latency().toMillis());
    settings.put(
        "latencyP99Ms", options.latencyP99() == null ? null : options.latencyP99().toMillis());
    settings.put("simRateLimit", options.simRateLimit());
    settings.put("faults", options.faults());
    settings.put("inFlight", options.inFlight());
    settings.put("maxBuffered", options.maxBuffered());
    settings.put("rateLimit", options.rateLimit());
    settings.put("baselineCommands", options.serialBaseline() ? options.baselineCommands() : null);
    settings.put("seed", options.seed());
    settings.put("warmup", options.fleet() == null ? options.warmup() : null);
    settings.put("produceRate", options.produceRate() == 0 ? null : options.produceRate());
    if (options.workerProcess() != null) {
      settings.put(
          "workerJvmOptions",
          options.workerProcess().launcher()
              ? "bin/pairing-worker"
                  + (options.workerProcess().commandLine().isEmpty()
                      ? ""
                      : " + " + options.workerProcess().commandLine())
              : options.workerProcess().commandLine());
    }
    if (options.fleet() != null) {
      settings.put("fleet", options.fleet().workers());
      settings.put("fleetPhaseSeconds", options.fleet().phase().toMillis() / 1000.0);
      settings.put("fleetWarmupSeconds", options.fleet().warmup().toMillis() / 1000.0);
      settings.put(
          "workerJvmOptions",
          options.fleet().launch().launcher()
              ? "bin/pairing-worker"
              : options.fleet().launch().commandLine());
    }
    return settings;
  }
}
