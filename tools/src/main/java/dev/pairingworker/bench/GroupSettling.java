package dev.pairingworker.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Waits for a fleet's consumer group to settle after a worker started or left: the running workers
 * own every partition between them, each some, and each has made a PingOne call since the last
 * look. Until then the workers' shares of the rate limit are still moving, so a phase's window must
 * not open.
 */
final class GroupSettling {
  private static final Duration LOOK_EVERY = Duration.ofMillis(250);
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  /**
   * What one look at the running workers saw.
   *
   * @param owned partitions each owns, by name (-1 when its {@code /health/live} did not answer)
   * @param calls PingOne calls each has made so far, by name (NaN before its first scrape)
   */
  record Look(Map<String, Integer> owned, Map<String, Double> calls) {}

  private GroupSettling() {}

  /**
   * Whether {@code now} shows a settled group of {@code partitions} partitions: every partition
   * owned, every worker owning some, and every worker's calls grown since {@code before} (null for
   * the first look, which cannot show it).
   */
  static boolean settled(int partitions, Look before, Look now) {
    if (before == null) {
      return false;
    }
    int total = now.owned().values().stream().mapToInt(Integer::intValue).sum();
    boolean everyOneOwns = now.owned().values().stream().allMatch(count -> count > 0);
    boolean everyOneCalls =
        now.calls().entrySet().stream()
            .allMatch(
                e -> {
                  Double last = before.calls().get(e.getKey());
                  return last != null && !e.getValue().isNaN() && e.getValue() > last;
                });
    return total == partitions && everyOneOwns && everyOneCalls;
  }

  /**
   * Looks at {@code running} every {@link #LOOK_EVERY} until {@link #settled}; returns the seconds
   * since {@code eventNanos}. Fails when the backlog ran dry first (idle workers never settle, and
   * a window without a backlog would measure the backlog, not the pacing) or after {@link
   * #TIMEOUT}.
   */
  static double await(
      List<FleetMember> running,
      int partitions,
      long eventNanos,
      LongSupplier backlogLeft,
      PrintStream progress)
      throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    Look before = null;
    while (true) {
      Thread.sleep(LOOK_EVERY.toMillis());
      Look now = look(running);
      if (settled(partitions, before, now)) {
        double seconds = (System.nanoTime() - eventNanos) / 1e9;
        progress.printf(Locale.ROOT, "Settled after %.1f s: partitions %s%n", seconds, now.owned());
        return seconds;
      }
      if (backlogLeft.getAsLong() == 0) {
        throw new IllegalStateException(
            "the backlog ran dry before the group settled (partitions "
                + now.owned()
                + "): raise --commands, and --users with it (PingOne keeps at most 20 keys a"
                + " user)");
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the group did not settle within "
                + TIMEOUT
                + ": partitions "
                + now.owned()
                + ", PingOne calls so far "
                + now.calls()
                + stoppedWorkers(running));
      }
      before = now;
    }
  }

  private static Look look(List<FleetMember> running) {
    Map<String, Integer> owned = new LinkedHashMap<>();
    Map<String, Double> calls = new LinkedHashMap<>();
    for (FleetMember member : running) {
      owned.put(member.name(), member.assignedPartitions());
      member.watch().sampleNow();
      calls.put(member.name(), member.watch().pingOneRequests());
    }
    return new Look(owned, calls);
  }

  private static String stoppedWorkers(List<FleetMember> running) {
    String stopped =
        running.stream()
            .filter(member -> !member.running())
            .map(member -> member.name() + " " + member.logTail(30))
            .collect(Collectors.joining("\n"));
    return stopped.isEmpty() ? "" : "; a worker stopped: " + stopped;
  }
}
