package dev.pairingworker.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The thread-safe tally behind {@link PingOneSimulator#stats()}. */
final class StatusCounts {
  private final ConcurrentHashMap<Integer, LongAdder> counts = new ConcurrentHashMap<>();

  void add(int status) {
    counts.computeIfAbsent(status, unused -> new LongAdder()).increment();
  }

  SimulatorStats snapshot() {
    Map<Integer, Long> copy = new TreeMap<>();
    counts.forEach((status, count) -> copy.put(status, count.sum()));
    return new SimulatorStats(copy);
  }
}
