package dev.pairingworker.delivery;

import dev.pairingworker.command.RecordSource;
import dev.pairingworker.kafka.OutgoingRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Exactly-once: the output of answered records, keyed by their record's partition and offset,
 * waiting for the transaction that commits it together with offsets past the record. Only output
 * below a partition's committable offset is due, so a reply is committed exactly when its record's
 * offset is, whatever order the commands finish in; output above a gap waits.
 *
 * <p>A partition's output belongs to its <em>tenure</em>: from the first record polled after it was
 * assigned to {@link #drop}. OutgoingRecord of an earlier tenure arriving late (a command still
 * running after its partition was revoked) is refused and its record never counts as answered, so
 * it can neither be committed twice nor let an offset pass without its reply. Thread-safe: filled
 * by completion threads, emptied on the poll thread.
 */
public final class ExactlyOnceDelivery implements Delivery {
  private final BiConsumer<TopicPartition, Long> answered;
  private final Map<TopicPartition, Partition> partitions = new HashMap<>();
  private long tenures;
  private int size;

  /**
   * @param answered told, under the outbox's lock, that a record's output is in the outbox and its
   *     ledger entry acknowledged: its offset may be committed
   */
  public ExactlyOnceDelivery(BiConsumer<TopicPartition, Long> answered) {
    this.answered = answered;
  }

  /** One waiting record; only the poll thread changes it after it is put. */
  static final class Waiting {
    private OutgoingRecord outgoing;
    private int failures;

    Waiting(OutgoingRecord outgoing) {
      this.outgoing = outgoing;
    }

    OutgoingRecord outgoing() {
      return outgoing;
    }

    /** Counts a failed send; returns how many there were. */
    int failed() {
      return ++failures;
    }

    void replace(OutgoingRecord outgoing) {
      this.outgoing = outgoing;
    }
  }

  private static final class Partition {
    final long tenure;
    final long first;
    long committed;
    final NavigableMap<Long, List<Waiting>> waiting = new TreeMap<>();

    Partition(long tenure, long first) {
      this.tenure = tenure;
      this.first = first;
      this.committed = first;
    }
  }

  /** The poll thread handed a record of {@code tp} over: its first one opens the tenure. */
  @Override
  public synchronized void polled(TopicPartition tp, long offset) {
    partitions.computeIfAbsent(tp, k -> new Partition(++tenures, offset));
  }

  @Override
  public void deliver(
      RecordSource source, List<OutgoingRecord> output, CompletableFuture<Void> recorded) {
    TopicPartition tp = new TopicPartition(source.topic(), source.partition());
    long tenure = put(tp, source.offset(), output);
    if (tenure > 0) {
      recorded.thenRun(() -> release(tp, source.offset(), tenure));
    }
  }

  /** Stores the output; returns the tenure it belongs to, or 0 if it was refused. */
  synchronized long put(TopicPartition tp, long offset, List<OutgoingRecord> output) {
    Partition p = partitions.get(tp);
    if (p == null || offset < p.committed) {
      return 0; // not this worker's (any more), or answered and committed already
    }
    List<Waiting> records = output.stream().map(Waiting::new).toList();
    List<Waiting> replaced = p.waiting.put(offset, records);
    size += records.size() - (replaced == null ? 0 : replaced.size());
    return p.tenure;
  }

  private synchronized void release(TopicPartition tp, long offset, long tenure) {
    Partition p = partitions.get(tp);
    if (p != null && p.tenure == tenure) {
      answered.accept(tp, offset);
    }
  }

  /** The output below each partition's {@code committable} offset: one transaction's records. */
  public synchronized List<Waiting> due(Map<TopicPartition, OffsetAndMetadata> committable) {
    List<Waiting> due = new ArrayList<>();
    committable.forEach(
        (tp, offset) -> {
          Partition p = partitions.get(tp);
          if (p != null) {
            p.waiting.headMap(offset.offset()).values().forEach(due::addAll);
          }
        });
    return due;
  }

  /**
   * {@code committable}, each partition's offset lowered to its first record with output that is
   * not {@code ready} to be sent (partitions left with nothing to commit are left out): a record
   * whose topic the producer cannot yet write to waits, and the offsets past it with it.
   */
  public synchronized Map<TopicPartition, OffsetAndMetadata> upToReady(
      Map<TopicPartition, OffsetAndMetadata> committable, Predicate<Waiting> ready) {
    Map<TopicPartition, OffsetAndMetadata> upTo = new HashMap<>();
    committable.forEach(
        (tp, offset) -> {
          Partition p = partitions.get(tp);
          long limit = offset.offset();
          if (p != null) {
            // every record is asked (not only those before the first one that waits): asking
            // starts its topic's lookup, and counts a failed one against the record
            for (Map.Entry<Long, List<Waiting>> entry :
                p.waiting.headMap(offset.offset()).entrySet()) {
              boolean allReady = true;
              for (Waiting waiting : entry.getValue()) {
                allReady &= ready.test(waiting);
              }
              if (!allReady && limit == offset.offset()) {
                limit = entry.getKey();
              }
            }
          }
          if (limit == offset.offset()) {
            upTo.put(tp, offset);
          } else if (p != null && limit > p.committed) {
            upTo.put(tp, new OffsetAndMetadata(limit, offset.leaderEpoch(), offset.metadata()));
          }
        });
    return upTo;
  }

  /** A transaction committed these offsets: output below them is done. */
  public synchronized void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
    offsets.forEach(
        (tp, offset) -> {
          Partition p = partitions.get(tp);
          if (p != null && offset.offset() > p.committed) {
            p.committed = offset.offset();
            NavigableMap<Long, List<Waiting>> done = p.waiting.headMap(offset.offset(), false);
            done.values().forEach(records -> size -= records.size());
            done.clear();
          }
        });
  }

  /** Forgets partitions this worker no longer owns, with their output; ends their tenure. */
  public synchronized void drop(Collection<TopicPartition> gone) {
    for (TopicPartition tp : gone) {
      Partition p = partitions.remove(tp);
      if (p != null) {
        p.waiting.values().forEach(records -> size -= records.size());
      }
    }
  }

  /** Records waiting, across partitions. */
  public synchronized int size() {
    return size;
  }
}
