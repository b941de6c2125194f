package dev.pairingworker.delivery;

import dev.pairingworker.dispatch.OffsetTracker;
import dev.pairingworker.kafka.AcknowledgedSender;
import dev.pairingworker.metrics.WorkerMetrics;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.producer.Producer;

/**
 * What differs between the processing guarantees ({@code worker.processing.guarantee}): how a
 * record's output is delivered ({@link Delivery}) and how offsets are committed ({@link
 * Committer}).
 *
 * @param waiting records held for their transaction (always 0 at least once)
 * @param transactional the transactional producer, or null at least once
 */
public record Guarantee(
    Delivery delivery,
    Committer committer,
    IntSupplier waiting,
    Producer<byte[], byte[]> transactional) {

  /** Output sent at once, offsets committed by the consumer. */
  public static Guarantee atLeastOnce(AcknowledgedSender sender, OffsetTracker offsets) {
    return new Guarantee(
        new AtLeastOnceDelivery(sender, offsets), new ConsumerCommitter(offsets), () -> 0, null);
  }

  /** Output and offsets committed together by {@code transactional} every {@code interval}. */
  public static Guarantee exactlyOnce(
      Producer<byte[], byte[]> transactional,
      String transactionalId,
      Duration interval,
      OffsetTracker offsets,
      WorkerMetrics metrics) {
    ExactlyOnceDelivery held = new ExactlyOnceDelivery(offsets::answered);
    return new Guarantee(
        held,
        new TransactionalCommitter(
            transactional,
            transactionalId,
            held,
            offsets,
            metrics,
            interval,
            new TopicLookups(transactional)),
        held::size,
        transactional);
  }

  /** Closes the transactional producer, if any. */
  public void close() {
    if (transactional != null) {
      transactional.close(Duration.ofSeconds(5));
    }
  }
}
