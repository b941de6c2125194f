package dev.pairingworker.bench;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Prints what {@code bench --fleet} measured, one column per phase, after the run's table. */
final class FleetTable {
  private FleetTable() {}

  static void print(FleetFigures fleet, RunFigures run, PrintStream out) {
    out.println();
    out.printf(
        Locale.ROOT,
        "Fleet: %d workers, %d partitions, simulator limit %d/s; per phase, a window once the"
            + " group settled%n",
        fleet.workers(),
        fleet.partitions(),
        fleet.simRateLimit());
    out.println();
    phases(fleet.phases(), out);
    out.println();
    ReplyCheck replies = fleet.replies();
    out.printf(
        "Replies: %d commands, %d with exactly one reply (SUCCEEDED), %d SUCCEEDED at least once,"
            + " %d without a reply, %d answered but never SUCCEEDED%n",
        replies.commands(),
        replies.exactlyOneSucceeded(),
        replies.succeeded(),
        replies.withoutReply(),
        replies.withoutSuccess());
    out.printf(
        "Duplicate replies (hand-overs): %d, for %d commands; ledger replays: %d;"
            + " second pairing keys (a create answered 201 twice): %d%n",
        replies.duplicateReplies(),
        replies.withDuplicates(),
        replies.replays(),
        replies.secondCreates());
    out.printf(
        "Order violations: %d (%d users), of %d creates checked%n",
        run.orderViolations(), run.usersWithOrderViolations(), run.createsChecked());
    out.println(
        "Exit codes after SIGTERM: "
            + fleet.exitCodes().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "))
            + (fleet.stoppedCleanly() ? " (clean)" : ""));
  }

  /** One column per phase: PingOne's figures in its window, then each worker's. */
  static void phases(List<PhaseFigures> phases, PrintStream out) {
    row(out, "phase", phases, PhaseFigures::name);
    row(out, "event", phases, PhaseFigures::event);
    row(out, "settled after", phases, p -> format("%.1f s", p.settledSeconds()));
    row(
        out,
        "window (s after first start)",
        phases,
        p ->
            format(
                "%.1f-%.1f s", p.windowStartSeconds(), p.windowStartSeconds() + p.windowSeconds()));
    row(out, "admitted requests/s", phases, p -> format("%.1f", p.admittedPerSecond()));
    row(out, "  of the limit (>= 95 %)", phases, p -> format("%.1f %%", 100 * p.shareOfLimit()));
    row(out, "answered 429 (< 1 %)", phases, p -> format("%.2f %%", 100 * p.share429()));
    row(out, "  429s / requests", phases, p -> p.rateLimited() + " / " + requests(p));
    row(
        out,
        "admitted in a second, min-max",
        phases,
        p -> p.fewestAdmittedInASecond() + "-" + p.mostAdmittedInASecond());
    row(
        out,
        "seconds with a 429",
        phases,
        p -> p.secondsWith429() + " of " + (long) p.windowSeconds());
    row(
        out,
        "backlog left at the end",
        phases,
        p -> p.backlogLeft() == 0 ? "0 (ran dry)" : Long.toString(p.backlogLeft()));
    row(out, "load average (1 min) at end", phases, p -> format("%.1f", p.loadAverage()));
    for (String worker : workerNames(phases)) {
      row(out, worker + " requests/s", phases, p -> cell(p, worker, FleetTable::requests));
      row(out, "  partitions / pace", phases, p -> cell(p, worker, FleetTable::ownership));
    }
    row(
        out,
        "workers' requests/s, sum",
        phases,
        p -> format("%.1f", p.workers().stream().mapToDouble(w -> w.requestsPerSecond()).sum()));
    row(
        out,
        "workers' pace, sum",
        phases,
        p -> format("%.1f/s", p.workers().stream().mapToDouble(w -> w.pace()).sum()));
  }

  /** One line for the progress output when a phase's window has closed. */
  static String progressLine(PhaseFigures phase, int simRateLimit) {
    return format(
        "%s: %.1f requests/s admitted (%.1f %% of %d/s), %.2f %% answered 429; %s;"
            + " load average %.1f",
        phase.name(),
        phase.admittedPerSecond(),
        100 * phase.shareOfLimit(),
        simRateLimit,
        100 * phase.share429(),
        phase.workers().stream()
            .map(
                w ->
                    format(
                        "%s %.1f/s (%d partitions, pace %.1f/s)",
                        w.name(), w.requestsPerSecond(), w.partitions(), w.pace()))
            .collect(Collectors.joining(", ")),
        phase.loadAverage());
  }

  private static long requests(PhaseFigures phase) {
    return phase.admitted() + phase.rateLimited();
  }

  private static Set<String> workerNames(List<PhaseFigures> phases) {
    Set<String> names = new LinkedHashSet<>();
    phases.forEach(p -> p.workers().forEach(w -> names.add(w.name())));
    return names; // in the order they started
  }

  private static String cell(
      PhaseFigures phase, String worker, Function<PhaseFigures.Worker, String> value) {
    Map<String, PhaseFigures.Worker> byName =
        phase.workers().stream().collect(Collectors.toMap(PhaseFigures.Worker::name, w -> w));
    PhaseFigures.Worker figures = byName.get(worker);
    return figures == null ? "-" : value.apply(figures);
  }

  private static String requests(PhaseFigures.Worker worker) {
    return format("%.1f (429: %.1f)", worker.requestsPerSecond(), worker.rateLimitedPerSecond());
  }

  private static String ownership(PhaseFigures.Worker worker) {
    return format("%d / %.1f/s", worker.partitions(), worker.pace());
  }

  private static void row(
      PrintStream out,
      String label,
      List<PhaseFigures> phases,
      Function<PhaseFigures, String> cell) {
    StringBuilder line = new StringBuilder(format("%-28s", label));
    for (PhaseFigures phase : phases) {
      line.append(format(" %22s", cell.apply(phase)));
    }
    out.println(line);
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
