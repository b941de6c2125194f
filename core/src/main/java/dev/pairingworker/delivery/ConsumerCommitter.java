package dev.pairingworker.delivery;

import dev.pairingworker.dispatch.OffsetTracker;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At-least-once: the consumer commits the answered prefix of each partition, asynchronously after
 * each poll and synchronously when partitions go.
 */
public final class ConsumerCommitter implements Committer {
  private static final Logger log = LoggerFactory.getLogger(ConsumerCommitter.class);

  private final OffsetTracker offsets;

  public ConsumerCommitter(OffsetTracker offsets) {
    this.offsets = offsets;
  }

  @Override
  public void start(Duration timeout) {}

  @Override
  public void afterPoll(Consumer<byte[], byte[]> consumer) {
    Map<TopicPartition, OffsetAndMetadata> toCommit = offsets.committable();
    if (!toCommit.isEmpty()) {
      consumer.commitAsync(
          toCommit,
          (committed, failure) -> {
            if (failure == null) {
              offsets.committed(committed);
            } else {
              log.warn(
                  "Offset commit failed (it is retried with the next one): {}", failure.toString());
            }
          });
    }
  }

  @Override
  public void release(Consumer<byte[], byte[]> consumer, Set<TopicPartition> gone) {
    Map<TopicPartition, OffsetAndMetadata> toCommit = offsets.committable();
    toCommit.keySet().retainAll(gone);
    if (toCommit.isEmpty()) {
      return;
    }
    try {
      try {
        consumer.commitSync(toCommit);
      } catch (WakeupException pendingStop) {
        consumer.commitSync(toCommit); // the wakeup from stop() was consumed by the first try
      }
      offsets.committed(toCommit);
    } catch (KafkaException e) {
      log.warn("Final offset commit failed; answered records may be redelivered: {}", e.toString());
    }
  }

  @Override
  public void lost(Set<TopicPartition> gone) {}
}
