package dev.pairingworker.bench;

import dev.pairingworker.demo.LocalBroker;
import dev.pairingworker.demo.LocalBrokers;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code bench} command's work: an in-process broker in a temporary directory, then the worker
 * run (in this JVM, or as its own process) and, if asked, the serial baseline, each with its own
 * topics and simulator. The broker and its data are gone afterwards.
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
    if (!variants.isEmpty() && options.workerProcess() != null) {
      throw new IllegalArgumentException("variants run the worker in this JVM, not as a process");
    }
    QuietLogs.perCommandLinesOff();
    try (LocalBroker broker = LocalBrokers.startTemporary("pairing-worker-bench")) {
      Map<String, Object> kafka = Map.of("bootstrap.servers", broker.bootstrapServers());
      String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
      progress.printf(
          "Broker %s; worker run: %d commands over %d users ...%n",
          broker.bootstrapServers(), options.commands(), options.users());
      if (!variants.isEmpty()) {
        // Runs compared side by side must not differ by who ran first: the first worker run of a
        // JVM is measurably slower (the JIT, the broker's and simulator's first use) even after
        // its own warm-up commands.
        progress.println("Warm-up run (not reported) ...");
        WorkerRun.measure(options, kafka, run + "-warm-up", new Variant("warm-up", Map.of()));
      }
      RunFigures worker;
      WorkerProcessFigures process = null;
      if (options.workerProcess() == null) {
        worker = WorkerRun.measure(options, kafka, run);
      } else {
        WorkerProcessRun.Figures figures = WorkerProcessRun.measure(options, kafka, run, progress);
        worker = figures.run();
        process = figures.process();
      }
      List<RunFigures> others = new ArrayList<>();
      for (int i = 0; i < variants.size(); i++) {
        progress.printf("Worker run %d: %s ...%n", i + 2, variants.get(i).name());
        others.add(WorkerRun.measure(options, kafka, run + "-v" + (i + 2), variants.get(i)));
      }
      RunFigures baseline = null;
      if (options.serialBaseline()) {
        progress.printf("Serial baseline: %d commands ...%n", options.baselineCommands());
        baseline = BaselineRun.measure(options, kafka, run + "-serial");
      }
      return BenchReport.of(options, worker, others, baseline, process);
    }
  }
}
