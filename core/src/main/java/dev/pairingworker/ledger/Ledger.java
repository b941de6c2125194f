package dev.pairingworker.ledger;

import dev.pairingworker.command.Command;
import dev.pairingworker.command.Reply;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the worker records which create transactions started and completed, so that a repeat of a
 * completed one is answered without calling PingOne again. Partitions follow the commands topic:
 * the ledger of a command partition is known only while it is assigned, and only after {@link
 * #restore}.
 */
public interface Ledger {
  /** A ledger that records nothing and knows nothing ({@code worker.ledger.enabled=false}). */
  static Ledger disabled() {
    return DisabledLedger.INSTANCE;
  }

  boolean enabled();

  /**
   * What the ledger knows about the command's transaction. Completes at once unless the reply of a
   * completed transaction must be read back from the ledger topic.
   */
  CompletableFuture<Recorded> lookup(Command command);

  /** Records that the create starts; completes when the broker has acknowledged it. */
  CompletableFuture<Void> started(Command command);

  /** Records the create's reply; completes when the broker has acknowledged it. */
  CompletableFuture<Void> completed(Command command, Reply reply);

  /**
   * Forgets a start whose command stopped before its call (its partition was revoked): its next
   * owner runs it as new.
   */
  CompletableFuture<Void> withdrawn(Command command);

  /** Starts reading the ledger of newly assigned command partitions; see {@link #restoring()}. */
  void restore(Collection<TopicPartition> commandPartitions);

  /** Command partitions whose ledger is still being read: none of their records may run yet. */
  Set<TopicPartition> restoring();

  /** Drops what is known about partitions this worker no longer owns. */
  void forget(Collection<TopicPartition> commandPartitions);

  /** Why the ledger cannot work (the worker must stop), or null. */
  Throwable failure();

  void close();
}
