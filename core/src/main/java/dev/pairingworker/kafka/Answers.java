package dev.pairingworker.kafka;

import dev.pairingworker.command.RecordSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the output of a command record goes, and when the record counts as answered (its offset may
 * be committed): at once and acknowledged one by one (at-least-once), or through the {@link Outbox}
 * into a transaction (exactly-once).
 */
public interface Answers {
  /** The poll thread handed the record at {@code offset} of {@code tp} over (in offset order). */
  default void polled(TopicPartition tp, long offset) {}

  /**
   * Takes the output of the record at {@code source}.
   *
   * @param recorded the ledger's acknowledgement, which must also complete before the record counts
   *     as answered
   */
  void answer(RecordSource source, List<Output> output, CompletableFuture<Void> recorded);
}
