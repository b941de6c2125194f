package dev.pairingworker.bench;

import dev.pairingworker.client.CommandClient;
import dev.pairingworker.simulator.PingOneSimulator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The worker as its own OS process on a backlog: every command is on the broker before the worker
 * starts, then the worker drains it while this JVM watches the worker's RSS and heap; it is stopped
 * with SIGTERM at the end and must exit 0. The clock, and every command's latency, starts when the
 * process is started (JVM start-up included): there is no warm-up.
 */
final class WorkerProcessRun implements AutoCloseable {
  private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration JCMD_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration EXIT_GRACE = Duration.ofSeconds(2);
  private static final double BYTES_PER_MB = 1024.0 * 1024.0;

  private final BenchOptions options;
  private final WorkerProcessWatch watch = new WorkerProcessWatch();
  private WorkerProcess worker;
  private double startupSeconds;
  private double cpuSeconds;
  private String commandLine = "";
  private String nativeMemory;

  /** A run's figures and the process's own. */
  record Figures(RunFigures run, WorkerProcessFigures process) {}

  private WorkerProcessRun(BenchOptions options) {
    this.options = options;
  }

  static Figures measure(
      BenchOptions options, Map<String, Object> kafka, String run, PrintStream progress)
      throws Exception {
    BenchTopics topics = BenchTopics.create(kafka, run, options.partitions());
    try (WorkerProcessRun processRun = new WorkerProcessRun(options);
        PingOneSimulator simulator = BenchSimulator.start(options);
        CommandClient client =
            new CommandClient(kafka, topics.commands(), topics.replies())
                .awaitListening(LISTEN_TIMEOUT)) {
      Map<String, String> settings = WorkerRun.settings(options, kafka, topics, run, simulator);
      return processRun.measure(
          settings,
          simulator,
          client,
          Workload.creates(run, options).seededIn(simulator),
          progress);
    }
  }

  private Figures measure(
      Map<String, String> settings,
      PingOneSimulator simulator,
      CommandClient client,
      Workload workload,
      PrintStream progress)
      throws Exception {
    LoadDriver.Sent backlog =
        new LoadDriver(client).send(workload, 0).awaitOnBroker(options.timeout());
    WorkerProcessOptions jvm = options.workerProcess();
    progress.printf(
        "Backlog of %d commands on the broker; starting the worker: %s%n",
        workload.size(),
        jvm.launcher()
            ? "bin/pairing-worker run (config/jvm.options"
                + (jvm.commandLine().isEmpty() ? "" : " + " + String.join(" ", jvm.commandLine()))
                + ")"
            : "java " + String.join(" ", jvm.commandLine()) + " ...");
    Measurement measurement =
        new Measurement(
            simulator, client, watch::inFlight, watch::limiterRate, () -> watch, watch::cpuNanos);
    Bound bound =
        Bound.of(
            options.inFlight(), options.latency(), options.simRateLimit(), options.rateLimit());
    RunFigures figures =
        measurement.measure(
            "worker process",
            workload,
            options.users(),
            bound,
            driver -> drain(settings, jvm, backlog));
    int exit = worker.stop(options.timeout());
    if (exit != 0) {
      progress.printf(
          "The worker exited with %d; its log (%s) ends:%n%s%n",
          exit, worker.log(), worker.logTail(30));
    }
    return new Figures(
        figures,
        new WorkerProcessFigures(
            commandLine,
            startupSeconds,
            cpuSeconds,
            cpuSeconds * 1e6 / Math.max(1, figures.commands() - figures.unanswered()),
            watch.lastRssBytes() / BYTES_PER_MB,
            watch.peakHeapCommittedBytes() / BYTES_PER_MB,
            watch.peakNonHeapUsedBytes() / BYTES_PER_MB,
            exit,
            nativeMemory));
  }

  /** Starts the worker on the backlog and waits for every reply; reads its memory once more. */
  private LoadDriver.Result drain(
      Map<String, String> settings, WorkerProcessOptions jvm, LoadDriver.Sent backlog)
      throws InterruptedException {
    long launch = System.nanoTime();
    try {
      worker = WorkerProcess.start(settings, jvm);
    } catch (IOException e) {
      throw new IllegalStateException("the worker process could not be started", e);
    }
    watch.attach(worker);
    // A worker that exits early (a refused JVM option, a configuration error) is reported at once,
    // not after the whole timeout.
    LoadDriver.Result result =
        backlog.clockFrom(launch).await(options.timeout(), worker.exited(EXIT_GRACE));
    watch.sampleNow();
    cpuSeconds = watch.cpuNanos() / 1e9;
    commandLine = worker.commandLine();
    startupSeconds = (result.firstReplyNanos() - launch) / 1e9;
    if (options.workerProcess().nativeMemoryTracking()) {
      nativeMemory = nativeMemorySummary(worker.pid());
    }
    return result;
  }

  /** {@code jcmd <pid> VM.native_memory summary}, or why there is none. */
  static String nativeMemorySummary(long pid) throws InterruptedException {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    try {
      Process process =
          new ProcessBuilder(jcmd, Long.toString(pid), "VM.native_memory", "summary")
              .redirectErrorStream(true)
              .start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(JCMD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return "jcmd did not answer within " + JCMD_TIMEOUT;
      }
      return new String(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "no jcmd: " + e.getMessage();
    }
  }

  @Override
  public void close() {
    if (worker != null) {
      worker.close();
    }
  }
}
