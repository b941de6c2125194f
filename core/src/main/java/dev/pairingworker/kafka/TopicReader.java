package dev.pairingworker.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads partitions from their beginning to the end they had when reading started, without a
 * consumer group and without committing: how the ledger is restored and how {@code submit} finds
 * what an interrupted run already sent.
 */
public final class TopicReader {
  private static final Duration POLL = Duration.ofMillis(200);

  private TopicReader() {}

  /**
   * Assigns {@code partitions} to {@code consumer}, hands every record up to their current end to
   * {@code sink}, and leaves the consumer with no assignment.
   *
   * @param timeout how long reading may take; null for no limit
   * @throws IllegalStateException when the timeout passes first
   */
  public static void readToEnd(
      org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer,
      List<TopicPartition> partitions,
      Duration timeout,
      Consumer<ConsumerRecord<byte[], byte[]>> sink) {
    consumer.assign(partitions);
    try {
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end =
          timeout == null
              ? consumer.endOffsets(partitions)
              : consumer.endOffsets(partitions, timeout);
      long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              partitions + " could not be read to the end in " + timeout);
        }
        consumer.poll(POLL).forEach(sink);
      }
    } finally {
      consumer.assign(List.of());
    }
  }
}
