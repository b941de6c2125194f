package dev.pairingworker.bench;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Watches every worker process of a fleet, as {@link WorkerProcessWatch} watches one: the calls in
 * flight and the rate limits summed over the running workers (the fleet's pace), their CPU summed
 * over all that ran, and the largest memory peaks among them.
 */
final class FleetWatch implements MemoryProbe {
  private final List<FleetMember> members = new CopyOnWriteArrayList<>();

  /** Starts watching a worker once it has started. */
  void add(FleetMember member) {
    members.add(member);
  }

  /** Calls in flight over the running workers; NaN until one answered a scrape. */
  double inFlight() {
    return sumOverRunning(true);
  }

  /** The rate limits of the running workers together: the fleet's pace. NaN before a scrape. */
  double limiterRate() {
    return sumOverRunning(false);
  }

  private double sumOverRunning(boolean inFlight) {
    double sum = Double.NaN;
    for (FleetMember member : members) {
      if (!member.running()) {
        continue;
      }
      double value = inFlight ? member.watch().inFlight() : member.watch().limiterRate();
      if (!Double.isNaN(value)) {
        sum = Double.isNaN(sum) ? value : sum + value;
      }
    }
    return sum;
  }

  /** The CPU time of every worker that ran, each at its last sample; -1 before one. */
  long cpuNanos() {
    long sum = -1;
    for (FleetMember member : members) {
      long cpu = member.watch().cpuNanos();
      if (cpu >= 0) {
        sum = Math.max(sum, 0) + cpu;
      }
    }
    return sum;
  }

  @Override
  public void sample() {
    members.forEach(member -> member.watch().sample());
  }

  /** The largest peaks of any one worker process. */
  @Override
  public Figures figures() {
    long heapUsed = 0;
    long heapAfterGc = 0;
    long rss = 0;
    for (FleetMember member : members) {
      Figures one = member.watch().figures();
      heapUsed = Math.max(heapUsed, one.peakHeapUsedBytes());
      heapAfterGc = Math.max(heapAfterGc, one.peakHeapAfterGcBytes());
      rss = Math.max(rss, one.peakRssBytes().orElse(0));
    }
    return new Figures(
        "the largest of " + members.size() + " worker processes",
        heapUsed,
        heapAfterGc,
        rss == 0 ? OptionalLong.empty() : OptionalLong.of(rss));
  }

  @Override
  public void close() {
    // nothing held: the processes belong to the run
  }
}
