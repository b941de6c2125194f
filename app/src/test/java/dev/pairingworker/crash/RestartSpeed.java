package dev.pairingworker.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 13: how soon a worker killed with SIGKILL and restarted (same {@code worker.instance.id})
 * answers, from the restarted process's start to its first reply.
 *
 * <p>The figure is at most {@link #BOUND} on a machine that runs this test and little else. Most of
 * it is the restarted JVM's own start-up (class loading, building the worker, reading the ledger of
 * its partitions), CPU work that stretches without limit on an oversubscribed machine (developer
 * machines running several builds at once showed load averages of 30 on 2 cores and 15 to 30 s).
 * When the load average at a restart exceeds {@link #BUSY_LOAD_PER_CPU} per CPU, that restart is
 * held to {@link #BUSY_BOUND} instead: still below the broker's default session timeout (45 s), so
 * it fails whenever the restarted worker waited for its dead predecessor's session to expire, which
 * is what static membership removes.
 */
final class RestartSpeed {
  static final Duration BOUND = Duration.ofSeconds(10);
  static final Duration BUSY_BOUND = Duration.ofSeconds(40);
  static final double BUSY_LOAD_PER_CPU = 3.0;

  private final List<Instant> starts = new ArrayList<>();
  private final List<Double> loads = new ArrayList<>();

  /** Call right before starting the replacement of a killed worker. */
  void restarting() {
    starts.add(Instant.now());
    loads.add(loadAverage());
  }

  /** Asserts the bound for each restart and prints the figures. */
  void check(ReplyCounter counter) {
    int cpus = Runtime.getRuntime().availableProcessors();
    for (int i = 0; i < starts.size(); i++) {
      Duration firstReply = counter.firstReplyCreatedSince(starts.get(i)).orElseThrow();
      boolean busy = loads.get(i) > BUSY_LOAD_PER_CPU * cpus;
      Duration bound = busy ? BUSY_BOUND : BOUND;
      System.out.printf(
          "CrashIT: restart %d at %s: first reply %.1f s after the process started (load average"
              + " %.1f on %d CPUs: bound %s)%n",
          i + 1, starts.get(i), firstReply.toMillis() / 1000.0, loads.get(i), cpus, bound);
      assertThat(firstReply)
          .as(
              "restart %d: a restarted worker (same worker.instance.id) answers within %s of its"
                  + " start (load average %.1f on %d CPUs)",
              i + 1, bound, loads.get(i), cpus)
          .isLessThanOrEqualTo(bound);
    }
  }

  /** The 1-minute load average (Linux), or 0 where there is none. */
  private static double loadAverage() {
    Path file = Path.of("/proc/loadavg");
    if (!Files.isReadable(file)) {
      return 0;
    }
    try {
      return Double.parseDouble(Files.readString(file).split(" ")[0]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
