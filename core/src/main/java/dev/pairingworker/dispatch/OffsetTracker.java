package dev.pairingworker.dispatch;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Per partition, the offset below which every record has been answered (its reply acknowledged by
 * the broker). Only that offset is ever committed, so a crash can repeat work but never lose a
 * command.
 */
public final class OffsetTracker {
  private final Map<TopicPartition, Partition> partitions = new HashMap<>();
  private int pending;

  private static final class Partition {
    final ArrayDeque<Long> unanswered = new ArrayDeque<>();
    final Set<Long> answered = new HashSet<>();
    long next = -1;
    long committed = -1;

    long committable() {
      return unanswered.isEmpty() ? next : unanswered.peekFirst();
    }
  }

  /**
   * Records that a polled record awaits its answer. Offsets of a partition arrive in increasing
   * order.
   */
  public synchronized void track(TopicPartition tp, long offset) {
    Partition p = partitions.get(tp);
    if (p == null) {
      p = new Partition();
      p.committed =
          offset; // the consumer started here: that position is already committed or reset
      partitions.put(tp, p);
    }
    p.unanswered.addLast(offset);
    p.next = offset + 1;
    pending++;
  }

  /** Records that the reply (and dead-letter copy, if any) for a record is acknowledged. */
  public synchronized void answered(TopicPartition tp, long offset) {
    Partition p = partitions.get(tp);
    if (p == null
        || p.unanswered.isEmpty()
        || offset < p.unanswered.peekFirst()
        || offset >= p.next) {
      return; // the partition was revoked or lost meanwhile; its new owner takes over
    }
    if (!p.answered.add(offset)) {
      return;
    }
    while (!p.unanswered.isEmpty() && p.answered.remove(p.unanswered.peekFirst())) {
      p.unanswered.removeFirst();
      pending--;
    }
  }

  /** The offsets to commit: only partitions that advanced since their last commit. */
  public synchronized Map<TopicPartition, OffsetAndMetadata> committable() {
    Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
    partitions.forEach(
        (tp, p) -> {
          long offset = p.committable();
          if (offset > p.committed) {
            out.put(tp, new OffsetAndMetadata(offset));
          }
        });
    return out;
  }

  /** Notes that {@code offsets} were committed, so they are not committed again. */
  public synchronized void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
    offsets.forEach(
        (tp, om) -> {
          Partition p = partitions.get(tp);
          if (p != null) {
            p.committed = Math.max(p.committed, om.offset());
          }
        });
  }

  /**
   * Records polled whose offset cannot be committed yet (unanswered, or answered behind an
   * unanswered one), across all partitions: what the worker holds in memory.
   */
  public synchronized int pending() {
    return pending;
  }

  /** Drops the state of partitions this worker no longer owns. */
  public synchronized void forget(Collection<TopicPartition> gone) {
    for (TopicPartition tp : gone) {
      Partition p = partitions.remove(tp);
      if (p != null) {
        pending -= p.unanswered.size();
      }
    }
  }
}
