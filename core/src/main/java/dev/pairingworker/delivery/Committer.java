package dev.pairingworker.delivery;

import java.time.Duration;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * How the poll loop commits the offsets of answered records: with the consumer (at-least-once,
 * {@link ConsumerCommitter}) or in a transaction with their replies (exactly-once, {@link
 * TransactionalCommitter}). Every method runs on the poll thread.
 */
public interface Committer {
  /** Before the consumer subscribes; may wait up to {@code timeout} for the broker. */
  void start(Duration timeout);

  /** After each poll: commits what is answered, when due. */
  void afterPoll(Consumer<byte[], byte[]> consumer);

  /**
   * Partitions are going (revoked, or the worker stops), their running commands drained and every
   * send flushed: commits what is answered, then forgets {@code gone}.
   */
  void release(Consumer<byte[], byte[]> consumer, Set<TopicPartition> gone);

  /** Partitions were lost (another worker may own them already): forgets them, commits nothing. */
  void lost(Set<TopicPartition> gone);
}
