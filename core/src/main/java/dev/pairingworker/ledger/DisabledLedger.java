package dev.pairingworker.ledger;

import dev.pairingworker.command.Command;
import dev.pairingworker.command.Reply;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;

/** The ledger when it is switched off: at-least-once without deduplication. */
enum DisabledLedger implements Ledger {
  INSTANCE;

  @Override
  public boolean enabled() {
    return false;
  }

  @Override
  public CompletableFuture<Recorded> lookup(Command command) {
    return CompletableFuture.completedFuture(Recorded.NOTHING);
  }

  @Override
  public CompletableFuture<Void> started(Command command) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> completed(Command command, Reply reply) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> withdrawn(Command command) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void restore(Collection<TopicPartition> commandPartitions) {}

  @Override
  public Set<TopicPartition> restoring() {
    return Set.of();
  }

  @Override
  public void forget(Collection<TopicPartition> commandPartitions) {}

  @Override
  public Throwable failure() {
    return null;
  }

  @Override
  public void close() {}
}
