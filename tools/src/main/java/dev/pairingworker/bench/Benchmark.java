package dev.pairingworker.bench;

import dev.pairingworker.broker.EmbeddedKafkaBroker;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code bench} command's work: an in-process broker in a temporary directory, then the worker
 * run (in this JVM, as its own process, or as a fleet of processes) and, if asked, the serial
 * baseline, each with its own topics and simulator. The broker and its data are gone afterwards.
 */
public final class Benchmark {
  private Benchmark() {}

  /** Runs the benchmark, printing progress to {@code progress}; returns what it measured. */
  public static BenchReport run(BenchOptions options, PrintStream progress) throws Exception {
    return run(options, List.of(), progress);
  }

  /**
   * As {@link #run(BenchOptions, PrintStream)}, measuring after the worker each of {@code variants}
   * (the worker in this JVM only) on the same workload.
   */
  public static BenchReport run(BenchOptions options, List<Variant> variants, PrintStream progress)
      throws Exception {
    if (!variants.isEmpty() && (options.workerProcess() != null || options.fleet() != null)) {
      throw new IllegalArgumentException("variants run the worker in this JVM, not as a process");
    }
    QuietLogs.perCommandLinesOff();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary("pairing-worker-bench")) {
      Map<String, Object> kafka = Map.of("bootstrap.servers", broker.bootstrapServers());
      String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
      progress.printf(
          "Broker %s; worker run: %d commands over %d users (%s) ...%n",
          broker.bootstrapServers(),
          options.commands(),
          options.users(),
          options.userRuns() ? "each user's in a run" : "round-robin");
      RunFigures worker;
      WorkerProcessFigures process = null;
      FleetFigures fleet = null;
      List<RunFigures> others = new ArrayList<>();
      if (!variants.isEmpty()) {
        worker = compare(options, kafka, run, variants, others, progress);
      } else if (options.fleet() != null) {
        FleetRun.Figures figures = FleetRun.measure(options, kafka, run, progress);
        worker = figures.run();
        fleet = figures.fleet();
      } else if (options.workerProcess() == null) {
        worker = WorkerRun.measure(options, kafka, run);
      } else {
        if (options.warmup() > 0) {
          // The measurement: the worker process cold, the services it talks to warm, as
          // a production broker and PingOne are. Without it this JVM compiles the broker's, the
          // simulator's and its own code on the same two cores while the worker runs. The same
          // kind of run warms the same code: a backlog drained by a worker process.
          progress.printf(
              "Warm-up (not reported): the same run with %d commands and another worker"
                  + " process; the measured one starts cold ...%n",
              options.warmup());
          WorkerProcessRun.measure(options.warmUpRun(), kafka, run + "-warm-up", progress);
        }
        WorkerProcessRun.Figures figures = WorkerProcessRun.measure(options, kafka, run, progress);
        worker = figures.run();
        process = figures.process();
      }
      RunFigures baseline = null;
      if (options.serialBaseline()) {
        progress.printf("Serial baseline: %d commands ...%n", options.baselineCommands());
        baseline = BaselineRun.measure(options, kafka, run + "-serial");
      }
      return BenchReport.of(options, worker, others, baseline, process, fleet);
    }
  }

  /**
   * The worker and each variant, twice: in order, then in reverse order, after an unreported
   * warm-up run. A JVM keeps getting faster over its first runs (the JIT, the heap settling), so
   * one run each in a fixed order measures mostly the order; run first and last, then second and
   * second to last, every configuration gets the same mean position. Returns the worker's first
   * run; the others go to {@code others} in the order they ran.
   */
  private static RunFigures compare(
      BenchOptions options,
      Map<String, Object> kafka,
      String run,
      List<Variant> variants,
      List<RunFigures> others,
      PrintStream progress)
      throws Exception {
    progress.println("Warm-up run (not reported) ...");
    WorkerRun.measure(options, kafka, run + "-warm-up", new Variant("warm-up", Map.of()));
    List<Variant> round = new ArrayList<>();
    round.add(new Variant("worker", Map.of()));
    round.addAll(variants);
    List<Variant> order = new ArrayList<>(round);
    List<Variant> reversed = new ArrayList<>(round);
    Collections.reverse(reversed);
    order.addAll(reversed);
    RunFigures first = null;
    for (int i = 0; i < order.size(); i++) {
      Variant variant = order.get(i);
      progress.printf("Run %d of %d: %s ...%n", i + 1, order.size(), variant.name());
      RunFigures figures = WorkerRun.measure(options, kafka, run + "-r" + (i + 1), variant);
      if (first == null) {
        first = figures;
      } else {
        others.add(figures);
      }
    }
    return first;
  }
}
