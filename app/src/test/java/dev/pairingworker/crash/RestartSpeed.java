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
 * answers, from the restarted process's start to its first reply: at most {@link #BOUND}. Without
 * static membership it waited for the dead member's session to expire first (45 s by default).
 *
 * <p>Most of the figure is the restarted JVM's own start-up (class loading, building the worker,
 * reading the ledger of its partitions), CPU work that stretches on an oversubscribed machine:
 * 3.0-3.7 s at load averages of 5.7-6.5 on 2 CPUs (session 5, the worker with config/jvm.options),
 * but 9-33 s at 13-38. The load average at each restart is printed with the figure.
 */
final class RestartSpeed {
  static final Duration BOUND = Duration.ofSeconds(10);

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
      Duration bound = BOUND;
      System.out.printf(
          "CrashIT: restart %d at %s: first reply %.1f s after the process started (load average"
              + " %.1f on %d CPUs; bound %s)%n",
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
