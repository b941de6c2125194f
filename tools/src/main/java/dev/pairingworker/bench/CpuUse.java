package dev.pairingworker.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where this JVM's CPU goes during a run, by component: the worker, the simulator, the broker, the
 * benchmark's own client, the JIT compiler and the garbage collector.
 *
 * <p>Java threads are read by name with {@link ThreadMXBean#getThreadCpuTime}; the JVM's own
 * threads (compiler, GC), which that bean does not list, from {@code /proc/self/task/<tid>/stat} by
 * their kernel name; the whole process from {@code /proc/self/stat}. What the process used beyond
 * the named threads is "threads that ended" (a thread alive at only one snapshot). Without {@code
 * /proc} (not Linux) only the Java threads are counted.
 */
final class CpuUse {
  static final String WORKER = "worker";
  static final String SIMULATOR = "simulator";
  static final String BROKER = "broker and other threads";
  static final String CLIENT = "bench client";
  static final String JIT = "JIT compiler";
  static final String GC = "GC and VM";
  static final String ENDED = "threads that ended";

  /** The order of the rows. */
  static final List<String> COMPONENTS = List.of(WORKER, SIMULATOR, BROKER, CLIENT, JIT, GC, ENDED);

  /** Linux's USER_HZ: {@code /proc} counts CPU time in hundredths of a second. */
  static final long NANOS_PER_TICK = 10_000_000L;

  private static final List<String> WORKER_THREADS =
      List.of(
          "pingone-http",
          // the HTTP client's completions (worker.CommonPool): in the bench only the worker's
          "ForkJoinPool.commonPool",
          "HttpClient-",
          "poll-loop",
          "reply-retry",
          "kafka-metrics",
          "ledger-",
          "metrics-http",
          "serial-baseline");

  private static final List<String> SIMULATOR_THREADS = List.of("pingone-sim-", "HTTP-Dispatcher");

  private static final List<String> CLIENT_THREADS =
      List.of(
          "main", "reply-listener", "bench-sampler", "kafka-producer-network-thread | producer-");

  /**
   * CPU time so far.
   *
   * @param processNanos the whole process; -1 where {@code /proc} is missing
   * @param javaThreads CPU time of each live Java thread, by thread id
   * @param javaNames the name of each of those threads
   * @param jvmThreads CPU time of the JVM's compiler and GC threads, by component
   */
  record Snapshot(
      long processNanos,
      Map<Long, Long> javaThreads,
      Map<Long, String> javaNames,
      Map<String, Long> jvmThreads) {}

  private CpuUse() {}

  static Snapshot take() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, Long> cpu = new HashMap<>();
    Map<Long, String> names = new HashMap<>();
    if (threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled()) {
      for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
        if (info == null) {
          continue;
        }
        long nanos = threads.getThreadCpuTime(info.getThreadId());
        if (nanos >= 0) {
          cpu.put(info.getThreadId(), nanos);
          names.put(info.getThreadId(), info.getThreadName());
        }
      }
    }
    return new Snapshot(processNanos(), cpu, names, jvmThreads());
  }

  /**
   * Cores used on average between two snapshots taken {@code seconds} apart, by component, in the
   * order of {@link #COMPONENTS}, then "total"; empty when the interval is not positive. The CPU
   * time a worker in its own process used meanwhile ({@code workerProcessNanos}, -1: none) counts
   * as the worker's and in the total.
   */
  static Map<String, Double> cores(
      Snapshot before, Snapshot after, double seconds, long workerProcessNanos) {
    Map<String, Long> nanos = new LinkedHashMap<>();
    COMPONENTS.forEach(c -> nanos.put(c, 0L));
    after
        .javaThreads()
        .forEach(
            (id, now) -> {
              long used = now - before.javaThreads().getOrDefault(id, 0L);
              nanos.merge(component(after.javaNames().get(id)), Math.max(0, used), Long::sum);
            });
    after
        .jvmThreads()
        .forEach(
            (component, now) ->
                nanos.merge(
                    component,
                    Math.max(0, now - before.jvmThreads().getOrDefault(component, 0L)),
                    Long::sum));
    long named = nanos.values().stream().mapToLong(Long::longValue).sum();
    long total = named;
    if (before.processNanos() >= 0 && after.processNanos() >= 0) {
      total = Math.max(named, after.processNanos() - before.processNanos());
      nanos.put(ENDED, total - named);
    }
    if (workerProcessNanos > 0) {
      nanos.merge(WORKER, workerProcessNanos, Long::sum);
      total += workerProcessNanos;
    }
    nanos.put("total", total);
    Map<String, Double> cores = new LinkedHashMap<>();
    if (seconds > 0) {
      nanos.forEach((component, used) -> cores.put(component, used / 1e9 / seconds));
    }
    return cores;
  }

  /** The component a Java thread belongs to, by its name. */
  static String component(String threadName) {
    if (threadName == null) {
      return BROKER;
    }
    if (startsWithAny(threadName, WORKER_THREADS) || threadName.contains("pairing-worker")) {
      return WORKER;
    }
    if (startsWithAny(threadName, SIMULATOR_THREADS)) {
      return SIMULATOR;
    }
    if (startsWithAny(threadName, CLIENT_THREADS)) {
      return CLIENT;
    }
    return BROKER;
  }

  /**
   * The component of one of the JVM's own threads, by its kernel name (15 characters at most); null
   * for a thread the {@link ThreadMXBean} lists.
   */
  static String jvmComponent(String kernelName) {
    if (kernelName.startsWith("C1 CompilerThre")
        || kernelName.startsWith("C2 CompilerThre")
        || kernelName.startsWith("Sweeper thread")) {
      return JIT;
    }
    if (kernelName.startsWith("GC Thread")
        || kernelName.startsWith("G1 ")
        || kernelName.startsWith("VM Thread")
        || kernelName.startsWith("VM Periodic")) {
      return GC;
    }
    return null;
  }

  private static boolean startsWithAny(String name, List<String> prefixes) {
    return prefixes.stream().anyMatch(name::startsWith);
  }

  private static long processNanos() {
    try {
      return ticks(Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII))
          * NANOS_PER_TICK;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static Map<String, Long> jvmThreads() {
    Map<String, Long> byComponent = new HashMap<>();
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return byComponent;
    }
    try (Stream<Path> all = Files.list(tasks)) {
      all.forEach(
          task -> {
            try {
              String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
              String component = jvmComponent(kernelName(stat));
              if (component != null) {
                byComponent.merge(component, ticks(stat) * NANOS_PER_TICK, Long::sum);
              }
            } catch (IOException | RuntimeException e) {
              // the thread ended between the listing and the read
            }
          });
    } catch (IOException e) {
      return byComponent;
    }
    return byComponent;
  }

  /** The name between the parentheses of a {@code stat} line. */
  static String kernelName(String stat) {
    return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  }

  /** utime + stime of a {@code stat} line (fields 14 and 15). */
  static long ticks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }
}
