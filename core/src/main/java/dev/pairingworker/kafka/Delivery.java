package dev.pairingworker.kafka;

import dev.pairingworker.dispatch.OffsetTracker;
import dev.pairingworker.metrics.WorkerMetrics;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.producer.Producer;

/**
 * What differs between the processing guarantees: where a record's output goes ({@link Answers})
 * and how offsets are committed ({@link Committer}).
 *
 * @param waiting records in the exactly-once outbox, waiting for their transaction (always 0 at
 *     least once)
 * @param transactional the transactional producer, or null at least once
 */
public record Delivery(
    Answers answers,
    Committer committer,
    IntSupplier waiting,
    Producer<byte[], byte[]> transactional) {

  /** Replies sent at once, offsets committed by the consumer. */
  public static Delivery atLeastOnce(ReplyPublisher publisher, OffsetTracker offsets) {
    return new Delivery(
        new ImmediateAnswers(publisher, offsets), new ConsumerCommitter(offsets), () -> 0, null);
  }

  /** Replies and offsets committed together by {@code transactional} every {@code interval}. */
  public static Delivery exactlyOnce(
      Producer<byte[], byte[]> transactional,
      String transactionalId,
      Duration interval,
      ReplyPublisher publisher,
      OffsetTracker offsets,
      WorkerMetrics metrics) {
    Outbox outbox = new Outbox(offsets::answered);
    return new Delivery(
        outbox,
        new TransactionalCommitter(
            transactional,
            transactionalId,
            outbox,
            offsets,
            publisher,
            metrics,
            interval,
            new TopicLookups(transactional)),
        outbox::size,
        transactional);
  }

  /** Closes the transactional producer, if any. */
  public void close() {
    if (transactional != null) {
      transactional.close(Duration.ofSeconds(5));
    }
  }
}
