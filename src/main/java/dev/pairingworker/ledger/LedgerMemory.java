package dev.pairingworker.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger entries of the owned partitions, by partition and transaction ID. Memory is bounded by
 * the retention: each partition keeps its entries in write order and drops, on every write, those
 * older than the retention (the broker deletes them too). An entry holds only its state, time and
 * the reply to replay (without the pairing code).
 */
final class LedgerMemory {
  private final Duration retention;
  private final Map<Integer, LinkedHashMap<String, LedgerEntry>> partitions = new HashMap<>();

  LedgerMemory(Duration retention) {
    this.retention = retention;
  }

  synchronized Optional<LedgerEntry> get(int partition, String transactionId, Instant now) {
    LinkedHashMap<String, LedgerEntry> entries = partitions.get(partition);
    LedgerEntry entry = entries == null ? null : entries.get(transactionId);
    if (entry == null || isExpired(entry, now)) {
      return Optional.empty();
    }
    return Optional.of(entry);
  }

  synchronized void put(int partition, String transactionId, LedgerEntry entry) {
    LinkedHashMap<String, LedgerEntry> entries =
        partitions.computeIfAbsent(partition, p -> new LinkedHashMap<>());
    entries.remove(transactionId); // re-inserted at the end: the order stays the write order
    entries.put(transactionId, entry);
    for (Iterator<LedgerEntry> it = entries.values().iterator(); it.hasNext(); ) {
      if (!isExpired(it.next(), entry.at())) {
        break;
      }
      it.remove();
    }
  }

  synchronized void remove(int partition, String transactionId) {
    LinkedHashMap<String, LedgerEntry> entries = partitions.get(partition);
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

  private boolean isExpired(LedgerEntry entry, Instant now) {
    return entry.at().plus(retention).isBefore(now);
  }
}
