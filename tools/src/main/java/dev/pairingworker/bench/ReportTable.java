package dev.pairingworker.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Prints a {@link BenchReport} as a table, one column per run. */
public final class ReportTable {
  /** Cores of this JVM's compiler during a worker process's run above which the report says so. */
  private static final double BENCH_COMPILER_NOTE_CORES = 0.1;

  private static final String ROW = "%-28s %22s %22s%n";

  private ReportTable() {}

  /** Prints the table to {@code out}. */
  public static void print(BenchReport report, PrintStream out) {
    List<RunFigures> runs = new ArrayList<>();
    runs.add(report.worker());
    runs.addAll(report.variants());
    if (report.serialBaseline() != null) {
      runs.add(report.serialBaseline());
    }
    out.println();
    out.println("Settings: " + report.settings() + ", cores " + report.cores());
    out.println();
    row(out, "", runs, RunFigures::name);
    row(out, "commands / users", runs, r -> r.commands() + " / " + r.users());
    row(out, "elapsed", runs, r -> format("%.2f s", r.elapsedSeconds()));
    row(out, "commands/s", runs, r -> format("%.1f", r.commandsPerSecond()));
    row(out, "PingOne requests/s", runs, r -> format("%.1f", r.pingOneRequestsPerSecond()));
    row(
        out,
        "  steady (10-90 % of run)",
        runs,
        r -> format("%.1f", r.steadyPingOneRequestsPerSecond()));
    row(out, "PingOne requests", runs, r -> r.pingOneRequests() + "");
    row(out, "  answered 429", runs, r -> format("%.2f %%", 100 * r.share429()));
    row(out, "  by status", runs, r -> join(r.pingOneRequestsByStatus()));
    row(out, "replies", runs, r -> join(r.repliesByStatus()));
    row(out, "unanswered", runs, r -> r.unanswered() + "");
    row(out, "latency p50", runs, r -> format("%.1f ms", r.latency().p50Ms()));
    row(out, "latency p99", runs, r -> format("%.1f ms", r.latency().p99Ms()));
    row(out, "latency max", runs, r -> format("%.1f ms", r.latency().maxMs()));
    row(
        out,
        "in flight (mean / max)",
        runs,
        r -> format("%.1f / %.0f", r.inFlightMean(), r.inFlightMax()));
    row(out, "client rate limit (mean/min)", runs, ReportTable::limiter);
    row(
        out,
        "order violations (users)",
        runs,
        r -> r.orderViolations() + " (" + r.usersWithOrderViolations() + ")");
    row(
        out,
        "bound",
        runs,
        r -> r.bound().perSecond() == null ? "none" : format("%.0f/s", r.bound().perSecond()));
    row(out, "  set by", runs, r -> r.bound().limitedBy());
    row(
        out,
        "efficiency",
        runs,
        r -> r.efficiency() == null ? "n/a" : format("%.1f %%", 100 * r.efficiency()));
    row(out, "peak heap used", runs, r -> format("%.0f MB", r.peakHeapUsedMb()));
    row(
        out,
        "peak heap after GC",
        runs,
        r -> r.peakHeapAfterGcMb() == 0 ? "no GC" : format("%.0f MB", r.peakHeapAfterGcMb()));
    row(
        out,
        "peak RSS (VmHWM)",
        runs,
        r -> r.peakRssMb() == null ? "n/a" : format("%.0f MB", r.peakRssMb()));
    row(out, "CPU used, cores", runs, r -> cores(r, "total"));
    for (String component : CpuUse.COMPONENTS) {
      row(out, "  " + component, runs, r -> cores(r, component));
    }
    if (report.workerProcess() != null) {
      workerProcess(report.workerProcess(), out);
      benchCompiler(report.worker(), out);
    }
    if (report.fleet() != null) {
      FleetTable.print(report.fleet(), report.worker(), out);
    }
    out.println();
    runs.forEach(r -> out.println("Memory of " + r.name() + ": " + r.memoryOf()));
    if (!report.variants().isEmpty()) {
      out.println();
      out.println("Mean of each configuration's runs (each ran once in order, once in reverse):");
      Map<String, List<RunFigures>> byName = new java.util.LinkedHashMap<>();
      runs.stream()
          .filter(r -> r != report.serialBaseline())
          .forEach(r -> byName.computeIfAbsent(r.name(), n -> new ArrayList<>()).add(r));
      byName.forEach(
          (name, same) ->
              out.printf(
                  Locale.ROOT,
                  "  %-24s %8.1f commands/s  %8.1f steady requests/s  p50 %7.0f ms%n",
                  name,
                  same.stream().mapToDouble(RunFigures::commandsPerSecond).average().orElse(0),
                  same.stream()
                      .mapToDouble(RunFigures::steadyPingOneRequestsPerSecond)
                      .average()
                      .orElse(0),
                  same.stream().mapToDouble(r -> r.latency().p50Ms()).average().orElse(0)));
    }
    if (report.speedupOverSerial() != null) {
      out.println();
      out.printf("worker vs serial baseline: %.1f x the commands/s%n", report.speedupOverSerial());
    }
    if (report.workerProcess() != null && report.workerProcess().nativeMemory() != null) {
      out.println();
      out.println("Native memory of the worker process after the last reply:");
      out.println(report.workerProcess().nativeMemory().strip());
    }
  }

  private static void workerProcess(WorkerProcessFigures process, PrintStream out) {
    out.printf(
        ROW,
        "CPU per command (process)",
        format("%.0f µs", process.cpuMicrosPerCommand()),
        format("%.2f s in all", process.cpuSeconds()));
    out.printf(ROW, "RSS after the last reply", format("%.0f MB", process.lastRssMb()), "");
    out.printf(ROW, "peak heap committed", format("%.0f MB", process.peakHeapCommittedMb()), "");
    out.printf(ROW, "peak non-heap used", format("%.0f MB", process.peakNonHeapUsedMb()), "");
    out.printf(ROW, "first reply after start", format("%.2f s", process.startupSeconds()), "");
    out.printf(
        ROW,
        "exit code after SIGTERM",
        process.exitCode() + (process.exitCode() == 0 ? " (clean)" : ""),
        "");
    out.println();
    out.println("Worker process: " + process.commandLine());
  }

  /**
   * A note when this JVM's own compiler took CPU from the worker process during its run: a JVM that
   * holds a broker keeps compiling for minutes, a production broker does not.
   */
  private static void benchCompiler(RunFigures worker, PrintStream out) {
    Double jit = worker.cpuCores().get(CpuUse.JIT);
    if (jit != null && jit > BENCH_COMPILER_NOTE_CORES) {
      out.printf(
          Locale.ROOT,
          "Note: this JVM's compiler used %.2f cores during the run, CPU the worker process could"
              + " not use. Start the bench with java -XX:TieredStopAtLevel=1 -jar ... for the"
              + " headline (docs/benchmarks.md, section 0).%n",
          jit);
    }
  }

  private static void row(
      PrintStream out, String label, List<RunFigures> runs, Function<RunFigures, String> cell) {
    StringBuilder line = new StringBuilder(format("%-28s", label));
    for (RunFigures run : runs) {
      line.append(format(" %22s", cell.apply(run)));
    }
    if (runs.size() == 1) {
      line.append(format(" %22s", ""));
    }
    out.println(line);
  }

  private static String cores(RunFigures run, String component) {
    Double cores = run.cpuCores().get(component);
    return cores == null ? "n/a" : format("%.2f", cores);
  }

  private static String limiter(RunFigures run) {
    return run.limiterRateMean() == null
        ? "none"
        : format("%.0f / %.0f per s", run.limiterRateMean(), run.limiterRateMin());
  }

  private static String join(Map<?, Long> counts) {
    return counts.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(" "));
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
