package dev.pairingworker.cli;

import dev.pairingworker.bench.BenchOptions;
import dev.pairingworker.bench.BenchReport;
import dev.pairingworker.bench.Benchmark;
import dev.pairingworker.bench.FleetOptions;
import dev.pairingworker.bench.RawHttpLoad;
import dev.pairingworker.bench.ReportTable;
import dev.pairingworker.bench.Variant;
import dev.pairingworker.bench.WorkerProcessOptions;
import dev.pairingworker.command.Json;
import dev.pairingworker.config.Durations;
import dev.pairingworker.simulator.Fault;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: the worker's throughput, latency and resilience against the simulator, in one
 * process.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Start an in-process Kafka broker, the PingOne simulator and the worker; produce creates over many",
      "users, wait for every reply and print throughput, latency, calls in flight, 429s, per-user order",
      "and memory; optionally the same for a naive serial worker. See docs/benchmarks.md."
    })
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--commands",
      defaultValue = "6000",
      description = "Commands to produce. Default: ${DEFAULT-VALUE}.")
  int commands;

  @Option(
      names = "--users",
      defaultValue = "1500",
      description = "Users, round-robin. Default: ${DEFAULT-VALUE}.")
  int users;

  @Option(
      names = "--user-runs",
      description =
          "Produce each user's commands in a run (all of user 0's, then user 1's, ...) instead of"
              + " round-robin.")
  boolean userRuns;

  @Option(
      names = "--partitions",
      defaultValue = "1",
      description = "Commands topic partitions. Default: ${DEFAULT-VALUE}.")
  int partitions;

  @Option(
      names = "--latency",
      defaultValue = "50ms",
      description = "Simulator latency (the median with --latency-p99). Default: ${DEFAULT-VALUE}.")
  String latency;

  @Option(
      names = "--latency-p99",
      description = "99th percentile of a long-tailed latency; fixed when absent.")
  String latencyP99;

  @Option(
      names = "--sim-rate-limit",
      defaultValue = "0",
      description =
          "Simulator: requests per sliding second before 429 (0 = none). Default: ${DEFAULT-VALUE}.")
  int simRateLimit;

  @Option(names = "--p500", defaultValue = "0", description = "Simulator: chance of 500.")
  double p500;

  @Option(names = "--p502", defaultValue = "0", description = "Simulator: chance of 502.")
  double p502;

  @Option(names = "--p503", defaultValue = "0", description = "Simulator: chance of 503.")
  double p503;

  @Option(names = "--p504", defaultValue = "0", description = "Simulator: chance of 504.")
  double p504;

  @Option(
      names = "--reset",
      defaultValue = "0",
      description = "Simulator: chance of a connection reset.")
  double reset;

  @Option(
      names = "--in-flight",
      defaultValue = "256",
      description = "worker.max.in-flight. Default: ${DEFAULT-VALUE}.")
  int inFlight;

  @Option(
      names = "--rate-limit",
      defaultValue = "0",
      description = "pingone.rate.limit of the worker (0 = none). Default: ${DEFAULT-VALUE}.")
  int rateLimit;

  @Option(
      names = "--serial-baseline",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Also run a naive serial worker and print the ratio (--no-serial-baseline to skip). Default: ${DEFAULT-VALUE}.")
  boolean serialBaseline;

  @Option(
      names = "--baseline-commands",
      defaultValue = "200",
      description = "Commands for the serial baseline. Default: ${DEFAULT-VALUE}.")
  int baselineCommands;

  @Option(
      names = "--timeout",
      defaultValue = "5m",
      description = "Longest wait for a run's replies. Default: ${DEFAULT-VALUE}.")
  String timeout;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of random latency and faults. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Also write the figures as JSON to FILE.")
  Path json;

  @Option(
      names = "--raw-http",
      description =
          "Instead: only a plain java.net.http load loop on the simulator (no Kafka, no worker),"
              + " --commands requests with --in-flight loops at --latency: the HTTP stack's ceiling.")
  boolean rawHttp;

  @Option(
      names = "--warmup",
      defaultValue = "" + BenchOptions.DEFAULT_WARMUP,
      description =
          "Commands run before the clock starts, so short runs report warm figures. With"
              + " --worker-process, the commands of an unreported run of another worker process"
              + " first, so that the broker, the simulator and the bench are warm; the measured"
              + " worker process still starts cold (0: no warm-up). Default: ${DEFAULT-VALUE}.")
  int warmup;

  @Option(
      names = "--produce-rate",
      defaultValue = "0",
      paramLabel = "R",
      description =
          "Produce R commands per second, evenly spaced, instead of all at once (0): latency under"
              + " a steady load. Default: ${DEFAULT-VALUE}.")
  double produceRate;

  @Option(
      names = "--worker-process",
      description =
          "Run the worker as its own process (run --config) on a backlog produced before it starts,"
              + " and report its peak RSS and heap; stopped with SIGTERM, it must exit 0.")
  boolean workerProcess;

  @Option(
      names = "--fleet",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Run N workers, each its own process (run --config), in one consumer group on a backlog"
              + " spread over --partitions (each user's commands in one): measure the share of"
              + " --sim-rate-limit used and the 429s while all run (A), after one leaves with"
              + " SIGTERM (B) and after one joins (C); then stop all with SIGTERM (exit 0"
              + " expected). 0 = off. Default: ${DEFAULT-VALUE}.")
  int fleet;

  @Option(
      names = "--fleet-phase",
      paramLabel = "D",
      defaultValue = "20s",
      description =
          "With --fleet: the measurement window of each phase; it opens 3 s after the group"
              + " settled (every partition owned, every worker calling PingOne)."
              + " Default: ${DEFAULT-VALUE}.")
  String fleetPhase;

  @Option(
      names = "--fleet-warmup",
      paramLabel = "D",
      defaultValue = "0s",
      description =
          "With --fleet: how long the fleet runs once its group has settled before phase A's window"
              + " (fresh JVMs compile for their first tens of seconds). Default: ${DEFAULT-VALUE}.")
  String fleetWarmup;

  @Option(
      names = "--worker-jvm-options",
      paramLabel = "OPTIONS",
      description =
          "With --worker-process or --fleet: start the worker with java and exactly these JVM"
              + " options, space-separated (\"\" for the JVM's defaults), instead of the documented"
              + " way, bin/pairing-worker (config/jvm.options and the class-data archive).")
  String workerJvmOptions;

  @Option(
      names = "--worker-nmt",
      description =
          "With --worker-process: track the worker's native memory and print"
              + " jcmd VM.native_memory summary after the last reply.")
  boolean workerNmt;

  @Option(
      names = "--compare-guarantees",
      description =
          "Run the worker with its defaults (transaction ledger on, at-least-once), without the"
              + " ledger, and with the ledger and exactly-once processing, on the same workload:"
              + " each twice (in order, then in reverse, after an unreported warm-up run), the"
              + " figures side by side and their means.")
  boolean compareGuarantees;

  @Override
  public Integer call() throws Exception {
    if (rawHttp) {
      RawHttpLoad.run(commands, inFlight, Durations.parse("--latency", latency), System.out);
      return 0;
    }
    BenchOptions options = options();
    if (compareGuarantees && (options.workerProcess() != null || options.fleet() != null)) {
      throw new ParameterException(
          spec.commandLine(),
          "--compare-guarantees runs the worker in this JVM: no --worker-process, no --fleet");
    }
    BenchReport report =
        Benchmark.run(options, compareGuarantees ? Variant.guarantees() : List.of(), System.out);
    ReportTable.print(report, System.out);
    if (json != null) {
      Json.mapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), report);
      System.out.println("\nFigures written to " + json);
    }
    boolean stoppedCleanly =
        (report.workerProcess() == null || report.workerProcess().exitCode() == 0)
            && (report.fleet() == null || report.fleet().stoppedCleanly());
    boolean allAnswered =
        report.worker().unanswered() == 0
            && report.variants().stream().allMatch(run -> run.unanswered() == 0);
    return allAnswered && stoppedCleanly ? 0 : 1;
  }

  /** Validated before the broker starts, so a bad flag is a usage error, not a failed run. */
  private BenchOptions options() {
    try {
      Map<Fault, Double> faults = new EnumMap<>(Fault.class);
      faults.put(Fault.INTERNAL_ERROR, p500);
      faults.put(Fault.BAD_GATEWAY, p502);
      faults.put(Fault.UNAVAILABLE, p503);
      faults.put(Fault.GATEWAY_TIMEOUT, p504);
      faults.put(Fault.CONNECTION_RESET, reset);
      faults.values().removeIf(chance -> chance == 0);
      return new BenchOptions(
          commands,
          users,
          partitions,
          Durations.parse("--latency", latency),
          latencyP99 == null ? null : Durations.parse("--latency-p99", latencyP99),
          simRateLimit,
          faults,
          inFlight,
          rateLimit,
          serialBaseline,
          baselineCommands,
          Durations.parse("--timeout", timeout),
          seed,
          warmup,
          produceRate,
          workerProcess(),
          fleet(),
          userRuns);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private WorkerProcessOptions workerProcess() {
    if (!workerProcess) {
      if (workerNmt) {
        throw new IllegalArgumentException("--worker-nmt needs --worker-process");
      }
      if (workerJvmOptions != null && fleet == 0) {
        throw new IllegalArgumentException(
            "--worker-jvm-options needs --worker-process or --fleet");
      }
      return null;
    }
    if (fleet != 0) {
      throw new IllegalArgumentException(
          "--fleet starts its own worker processes: no --worker-process");
    }
    return launch(workerNmt);
  }

  /** How worker processes start: the documented way, or java with --worker-jvm-options. */
  private WorkerProcessOptions launch(boolean nativeMemoryTracking) {
    return workerJvmOptions == null
        ? new WorkerProcessOptions(true, List.of(), nativeMemoryTracking)
        : new WorkerProcessOptions(
            false, WorkerProcessOptions.split(workerJvmOptions), nativeMemoryTracking);
  }

  private FleetOptions fleet() {
    if (fleet == 0) {
      return null;
    }
    return new FleetOptions(
        fleet,
        Durations.parse("--fleet-phase", fleetPhase),
        Durations.parse("--fleet-warmup", fleetWarmup),
        launch(false));
  }
}
