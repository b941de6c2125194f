package dev.pairingworker.delivery;

import dev.pairingworker.command.RecordSource;
import dev.pairingworker.dispatch.OffsetTracker;
import dev.pairingworker.kafka.AcknowledgedSender;
import dev.pairingworker.kafka.OutgoingRecord;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * At-least-once: each output record is sent at once; the command record counts as answered when the
 * broker has acknowledged all of it.
 */
public final class AtLeastOnceDelivery implements Delivery {
  private final AcknowledgedSender sender;
  private final OffsetTracker offsets;

  public AtLeastOnceDelivery(AcknowledgedSender sender, OffsetTracker offsets) {
    this.sender = sender;
    this.offsets = offsets;
  }

  @Override
  public void deliver(
      RecordSource source, List<OutgoingRecord> output, CompletableFuture<Void> recorded) {
    CompletableFuture<?>[] acknowledged = new CompletableFuture<?>[output.size() + 1];
    for (int i = 0; i < output.size(); i++) {
      acknowledged[i] = sender.send(output.get(i));
    }
    acknowledged[output.size()] = recorded;
    CompletableFuture.allOf(acknowledged)
        .thenRun(
            () ->
                offsets.answered(
                    new TopicPartition(source.topic(), source.partition()), source.offset()));
  }
}
