package dev.pairingworker.bench;

import dev.pairingworker.demo.LocalBroker;
import dev.pairingworker.demo.LocalBrokers;
import java.io.PrintStream;
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
    QuietLogs.perCommandLinesOff();
    try (LocalBroker broker = LocalBrokers.startTemporary("pairing-worker-bench")) {
      Map<String, Object> kafka = Map.of("bootstrap.servers", broker.bootstrapServers());
      String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
      progress.printf(
          "Broker %s; worker run: %d commands over %d users ...%n",
          broker.bootstrapServers(), options.commands(), options.users());
      RunFigures worker;
      WorkerProcessFigures process = null;
      if (options.workerProcess() == null) {
        worker = WorkerRun.measure(options, kafka, run);
      } else {
        WorkerProcessRun.Figures figures = WorkerProcessRun.measure(options, kafka, run, progress);
        worker = figures.run();
        process = figures.process();
      }
      RunFigures baseline = null;
      if (options.serialBaseline()) {
        progress.printf("Serial baseline: %d commands ...%n", options.baselineCommands());
        baseline = BaselineRun.measure(options, kafka, run + "-serial");
      }
      return BenchReport.of(options, worker, baseline, process);
    }
  }
}
