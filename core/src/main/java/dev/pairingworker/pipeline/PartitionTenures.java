package dev.pairingworker.pipeline;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;

/**
 * How many times each command partition was taken from this worker: a command started under an
 * earlier count belongs to an owner that is gone, and is abandoned at its next step that is not on
 * the wire. Thread-safe.
 */
final class PartitionTenures {
  private final Map<TopicPartition, Integer> ended = new ConcurrentHashMap<>();

  /** The current tenure of {@code partition}. */
  int current(TopicPartition partition) {
    return ended.getOrDefault(partition, 0);
  }

  /** Ends the current tenure of each of {@code partitions}. */
  void end(Collection<TopicPartition> partitions) {
    partitions.forEach(tp -> ended.merge(tp, 1, Integer::sum));
  }
}
