package dev.pairingworker.simulator;

import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The thread-safe log behind {@link PingOneSimulator#requests()}. A request takes its place in the
 * order when it arrives but is written only once its response is decided, so concurrent requests
 * keep arrival order.
 */
final class RequestLog {
  private final AtomicLong arrivals = new AtomicLong();
  private final ConcurrentSkipListMap<Long, RecordedRequest> entries =
      new ConcurrentSkipListMap<>();
  private volatile long clearedBefore;

  /** Reserves the next place in arrival order. */
  long arrive() {
    return arrivals.getAndIncrement();
  }

  void record(long arrival, RecordedRequest request) {
    // A request that arrived before the last clear stays cleared, even if it finishes afterwards.
    if (arrival >= clearedBefore) {
      entries.put(arrival, request);
    }
  }

  List<RecordedRequest> snapshot() {
    return List.copyOf(entries.values());
  }

  void clear() {
    clearedBefore = arrivals.get();
    entries.headMap(clearedBefore).clear();
  }
}
