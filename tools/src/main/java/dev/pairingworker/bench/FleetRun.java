package dev.pairingworker.bench;

import dev.pairingworker.client.CommandClient;
import dev.pairingworker.simulator.PingOneSimulator;
import dev.pairingworker.simulator.RecordedRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench --fleet N}: N workers, each its own process, in one consumer group drain a backlog
 * against a simulator that enforces a rate limit, with {@code pingone.rate.limit} the group's
 * budget. Each phase waits for the group to settle, then measures a fixed window: A with all N
 * running, B after the first one left (SIGTERM), C after a new one joined. Then the rest of the
 * backlog is drained and every worker is stopped with SIGTERM (exit 0 expected).
 */
final class FleetRun implements AutoCloseable {
  private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(30);
  private static final Path LOAD_AVERAGE = Path.of("/proc/loadavg");

  /**
   * From a settled group to the window, the steady state's first seconds skipped: longer than the
   * simulator's sliding one-second window, so the requests of the hand-over no longer count against
   * the window's, and than a worker's climb back after a cut (10 % at 5 %/s) on 429s of the
   * hand-over.
   */
  private static final Duration RAMP = Duration.ofSeconds(3);

  private final BenchOptions options;
  private final FleetOptions fleet;
  private final PingOneSimulator simulator;
  private final Workload workload;
  private final Map<String, String> settings;
  private final PrintStream progress;
  private final FleetWatch watch = new FleetWatch();
  private final List<FleetMember> members = new ArrayList<>();
  private final List<PhaseFigures> phases = new ArrayList<>();
  private long launchNanos;

  /** The run as a whole, and what only a fleet shows. */
  record Figures(RunFigures run, FleetFigures fleet) {}

  private FleetRun(
      BenchOptions options,
      PingOneSimulator simulator,
      Workload workload,
      Map<String, String> settings,
      PrintStream progress) {
    this.options = options;
    this.fleet = options.fleet();
    this.simulator = simulator;
    this.workload = workload;
    this.settings = settings;
    this.progress = progress;
  }

  static Figures measure(
      BenchOptions options, Map<String, Object> kafka, String run, PrintStream progress)
      throws Exception {
    BenchTopics topics = BenchTopics.create(kafka, run, options.partitions());
    Workload workload = Workload.creates(run, options);
    try (PingOneSimulator simulator = BenchSimulator.start(options);
        CommandClient client =
            new CommandClient(kafka, topics.commands(), topics.replies())
                .awaitListening(LISTEN_TIMEOUT);
        FleetRun fleetRun =
            new FleetRun(
                options,
                simulator,
                workload.seededIn(simulator), // a strict tenant: its users exist once seeded
                WorkerRun.settings(options, kafka, topics, run, simulator),
                progress)) {
      return fleetRun.measure(client, kafka, topics);
    }
  }

  private Figures measure(CommandClient client, Map<String, Object> kafka, BenchTopics topics)
      throws Exception {
    LoadDriver.Sent backlog =
        new LoadDriver(client)
            .sendByUser(workload, options.partitions())
            .awaitOnBroker(options.timeout());
    progress.printf(
        "Backlog of %d commands on %d partitions (each user's in one); starting %d workers: %s%n",
        workload.size(),
        options.partitions(),
        fleet.workers(),
        fleet.launch().launcher()
            ? "bin/pairing-worker run (config/jvm.options)"
            : "java " + String.join(" ", fleet.launch().commandLine()) + " ...");
    Measurement measurement =
        new Measurement(
            simulator, client, watch::inFlight, watch::limiterRate, () -> watch, watch::cpuNanos);
    Bound bound =
        Bound.of(
            options.inFlight() * fleet.workers(),
            options.latency(),
            options.simRateLimit(),
            options.rateLimit());
    RunFigures run =
        measurement.measure(
            "fleet of " + fleet.workers(),
            workload,
            options.users(),
            bound,
            driver -> phases(backlog));
    Map<String, Integer> exitCodes = stopAll();
    ReplyCheck replies =
        ReplyCheck.of(
            workload,
            ReplyTopic.read(kafka, topics.replies(), options.timeout()),
            simulator.requests());
    return new Figures(
        run,
        new FleetFigures(
            fleet.workers(),
            options.partitions(),
            options.simRateLimit(),
            phases,
            replies,
            exitCodes));
  }

  /** Phases A, B and C, then the rest of the backlog. */
  private LoadDriver.Result phases(LoadDriver.Sent backlog) throws InterruptedException {
    launchNanos = System.nanoTime();
    for (int i = 1; i <= fleet.workers(); i++) {
      start("w" + i);
    }
    if (!fleet.warmup().isZero()) {
      awaitSettled(running(), launchNanos);
      progress.printf("Warm-up: %d s before phase A ...%n", fleet.warmup().toSeconds());
      Thread.sleep(fleet.warmup().toMillis());
    }
    phase("A: " + fleet.workers() + " workers", "all started", launchNanos);

    FleetMember leaving = running().get(0);
    long left = System.nanoTime();
    int exit = leaving.stop(options.timeout());
    progress.printf(
        "%s stopped with SIGTERM after %.1f s, exit code %d%n",
        leaving.name(), (System.nanoTime() - left) / 1e9, exit);
    phase("B: " + (fleet.workers() - 1) + " workers", leaving.name() + " left (SIGTERM)", left);

    long joined = System.nanoTime();
    FleetMember joining = start("w" + (fleet.workers() + 1));
    phase("C: " + fleet.workers() + " workers", joining.name() + " joined", joined);

    progress.println("Draining the rest of the backlog ...");
    return backlog.clockFrom(launchNanos).await(options.timeout());
  }

  private FleetMember start(String name) {
    try {
      FleetMember member = FleetMember.start(name, settings, fleet.launch());
      members.add(member);
      watch.add(member);
      return member;
    } catch (IOException e) {
      throw new IllegalStateException("worker " + name + " could not be started", e);
    }
  }

  private List<FleetMember> running() {
    return members.stream().filter(FleetMember::running).toList();
  }

  /**
   * Waits for the group to settle after {@code eventNanos} and for {@link #RAMP}, then measures one
   * window of {@code --fleet-phase}.
   */
  private void phase(String name, String event, long eventNanos) throws InterruptedException {
    List<FleetMember> running = running();
    double settled = awaitSettled(running, eventNanos);
    Thread.sleep(RAMP.toMillis());
    // A scrape takes a while on a busy machine: each worker's rate runs between its own scrapes,
    // the simulator's window between the last scrape before and the first after.
    Map<FleetMember, FleetMember.Counters> before = new LinkedHashMap<>();
    running.forEach(member -> before.put(member, member.counters()));
    Instant from = Instant.now();
    long fromNanos = System.nanoTime();
    Thread.sleep(fleet.phase().toMillis());
    Instant to = Instant.now();
    List<PhaseFigures.Worker> workers =
        running.stream().map(member -> member.figuresSince(before.get(member))).toList();
    List<RecordedRequest> requests = simulator.requests();
    PhaseFigures figures =
        PhaseFigures.of(
            name,
            event,
            settled,
            (fromNanos - launchNanos) / 1e9,
            RequestWindow.of(requests, from, to),
            options.simRateLimit(),
            workers,
            workload.size() - createdBefore(requests, to),
            loadAverage());
    phases.add(figures);
    progress.println(FleetTable.progressLine(figures, options.simRateLimit()));
  }

  /** The machine's one-minute load average now; NaN where {@code /proc/loadavg} is not. */
  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(LOAD_AVERAGE).trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private double awaitSettled(List<FleetMember> running, long eventNanos)
      throws InterruptedException {
    return GroupSettling.await(
        running, options.partitions(), eventNanos, this::backlogLeft, progress);
  }

  /**
   * Creates not yet answered 201, from the simulator's counters: cheap enough to ask every look
   * (its request log is copied whole), and this run's simulator answers nothing else 201.
   */
  private long backlogLeft() {
    return Math.max(0, workload.size() - simulator.stats().count(201));
  }

  /** Creates of the workload the simulator answered 201 before {@code to}. */
  private long createdBefore(List<RecordedRequest> requests, Instant to) {
    return requests.stream()
        .filter(r -> r.status() == 201 && "POST".equals(r.method()) && r.receivedAt().isBefore(to))
        .filter(r -> workload.byKey(r.transactionId()) != null)
        .map(RecordedRequest::transactionId)
        .distinct()
        .count();
  }

  /** Stops every worker still running with SIGTERM; every worker's exit code, by name. */
  private Map<String, Integer> stopAll() throws InterruptedException {
    Map<String, Integer> exitCodes = new LinkedHashMap<>();
    for (FleetMember member : members) {
      if (member.exitCode() == null) {
        member.stop(options.timeout());
      }
      exitCodes.put(member.name(), member.exitCode());
      if (member.exitCode() != 0) {
        progress.printf(
            "%s exited with %d; its log %s%n",
            member.name(), member.exitCode(), member.logTail(30));
      }
    }
    return exitCodes;
  }

  @Override
  public void close() {
    members.forEach(FleetMember::close);
  }
}
