package dev.pairingworker.delivery;

import dev.pairingworker.command.RecordSource;
import dev.pairingworker.kafka.OutgoingRecord;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * Takes the output of each command record (its reply, its dead-letter copy) to Kafka, and says when
 * the record counts as answered, i.e. when its offset may be committed: sent at once and
 * acknowledged one by one ({@link AtLeastOnceDelivery}), or held for the transaction that commits
 * it with the offset ({@link ExactlyOnceDelivery}).
 */
public interface Delivery {
  /** The poll thread handed the record at {@code offset} of {@code tp} over (in offset order). */
  default void polled(TopicPartition tp, long offset) {}

  /**
   * Takes the output of the record at {@code source}.
   *
   * @param recorded the ledger's acknowledgement, which must also complete before the record counts
   *     as answered
   */
  void deliver(RecordSource source, List<OutgoingRecord> output, CompletableFuture<Void> recorded);
}
