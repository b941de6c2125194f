package dev.pairingworker.ledger;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ObjIntConsumer;

/**
 * The ledger entries of the owned partitions, by partition and transaction ID, each partition in
 * write order. Memory is bounded twice: every write drops the entries older than the retention (the
 * broker deletes them too), and beyond {@code maxEntries} across all partitions the oldest entry
 * (the partition head written first) is forgotten. A forgotten transaction is unknown: its create,
 * if it comes again, runs again.
 */
final class LedgerMemory {
  /** Label values of {@code pairing_worker_ledger_evictions_total{reason}}. */
  static final String RETENTION = "retention";

  static final String SIZE = "size";

  private final long retentionMillis;
  private final int maxEntries;
  private final ObjIntConsumer<String> evicted;
  private final Map<Integer, LinkedHashMap<String, CompactEntry>> partitions = new HashMap<>();

  /**
   * @param evicted told how many entries were forgotten, and why ({@link #RETENTION} or {@link
   *     #SIZE}); called under this memory's lock
   */
  LedgerMemory(LedgerLimits limits, ObjIntConsumer<String> evicted) {
    this.retentionMillis = limits.retention().toMillis();
    this.maxEntries = limits.maxEntries();
    this.evicted = evicted;
  }

  synchronized Optional<CompactEntry> get(int partition, String transactionId, Instant now) {
    LinkedHashMap<String, CompactEntry> entries = partitions.get(partition);
    CompactEntry entry = entries == null ? null : entries.get(transactionId);
    if (entry == null || isExpired(entry, now.toEpochMilli())) {
      return Optional.empty();
    }
    return Optional.of(entry);
  }

  synchronized void put(int partition, String transactionId, CompactEntry entry) {
    LinkedHashMap<String, CompactEntry> entries =
        partitions.computeIfAbsent(partition, p -> new LinkedHashMap<>());
    entries.remove(transactionId); // re-inserted at the end: the order stays the write order
    entries.put(transactionId, entry);
    report(RETENTION, dropExpired(entry.atMillis()));
    report(SIZE, dropOldestBeyondBound());
  }

  /**
   * The broker stored {@code written} at {@code offset}: memory keeps the offset instead of the
   * value, in the same place of the write order. Nothing happens when the transaction's entry is
   * not {@code written} any more (a newer write, or the partition was dropped).
   */
  synchronized void acknowledged(
      int partition, String transactionId, CompactEntry.Unacknowledged written, long offset) {
    LinkedHashMap<String, CompactEntry> entries = partitions.get(partition);
    if (entries != null && offset >= 0 && entries.get(transactionId) == written) {
      entries.put(transactionId, written.storedAt(offset)); // an existing key keeps its place
    }
  }

  synchronized void remove(int partition, String transactionId) {
    LinkedHashMap<String, CompactEntry> entries = partitions.get(partition);
    if (entries != null) {
      entries.remove(transactionId);
    }
  }

  synchronized void drop(Collection<Integer> dropped) {
    partitions.keySet().removeAll(dropped);
  }

  synchronized int size() {
    return partitions.values().stream().mapToInt(Map::size).sum();
  }

  /** Drops, in every partition, the leading entries that outlived the retention. */
  private int dropExpired(long nowMillis) {
    int dropped = 0;
    for (LinkedHashMap<String, CompactEntry> entries : partitions.values()) {
      Iterator<CompactEntry> it = entries.values().iterator();
      while (it.hasNext() && isExpired(it.next(), nowMillis)) {
        it.remove();
        dropped++;
      }
    }
    return dropped;
  }

  /** Forgets the oldest head among the partitions until at most maxEntries are held. */
  private int dropOldestBeyondBound() {
    int dropped = 0;
    for (int held = size(); held > maxEntries; held--) {
      Iterator<CompactEntry> oldest = null;
      long oldestAt = Long.MAX_VALUE;
      for (LinkedHashMap<String, CompactEntry> entries : partitions.values()) {
        Iterator<CompactEntry> it = entries.values().iterator();
        if (it.hasNext()) {
          long at = it.next().atMillis();
          if (oldest == null || at < oldestAt) {
            oldest = it;
            oldestAt = at;
          }
        }
      }
      oldest.remove();
      dropped++;
    }
    return dropped;
  }

  private void report(String reason, int count) {
    if (count > 0) {
      evicted.accept(reason, count);
    }
  }

  private boolean isExpired(CompactEntry entry, long nowMillis) {
    return entry.atMillis() + retentionMillis < nowMillis;
  }
}
