package dev.pairingworker.ledger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads single ledger records back by offset, for replays, on a thread of its own with a consumer
 * of its own ({@code assign}, no group, created on the first read), so neither the poll loop nor
 * the restore waits for it. Reads run one at a time; a replay is rare.
 */
final class LedgerRecordReader {
  private static final Duration POLL = Duration.ofMillis(100);

  private final Supplier<KafkaConsumer<byte[], byte[]>> consumers;
  private final String topic;
  private final Duration timeout;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "ledger-replay-read");
            t.setDaemon(true);
            return t;
          });
  private KafkaConsumer<byte[], byte[]> consumer; // confined to the read thread

  LedgerRecordReader(
      Supplier<KafkaConsumer<byte[], byte[]>> consumers, String topic, Duration timeout) {
    this.consumers = consumers;
    this.topic = topic;
    this.timeout = timeout;
  }

  /**
   * The record at {@code offset} of ledger partition {@code partition}; empty when the topic no
   * longer has it (compacted or deleted). Completes exceptionally with a {@link TimeoutException}
   * when it could not be read in time, or with the consumer's error.
   */
  CompletableFuture<Optional<ConsumerRecord<byte[], byte[]>>> read(int partition, long offset) {
    CompletableFuture<Optional<ConsumerRecord<byte[], byte[]>>> value = new CompletableFuture<>();
    try {
      thread.execute(
          () -> {
            try {
              value.complete(readNow(new TopicPartition(topic, partition), offset));
            } catch (Exception e) {
              value.completeExceptionally(e);
            }
          });
    } catch (RuntimeException e) { // closed
      value.completeExceptionally(e);
    }
    return value;
  }

  void close() {
    if (thread.isShutdown()) {
      return;
    }
    thread.execute(
        () -> {
          if (consumer != null) {
            consumer.close();
          }
        });
    thread.shutdown();
  }

  private Optional<ConsumerRecord<byte[], byte[]>> readNow(TopicPartition tp, long offset)
      throws TimeoutException {
    if (consumer == null) {
      consumer = consumers.get();
    }
    if (!consumer.assignment().equals(Set.of(tp))) {
      consumer.assign(List.of(tp));
    }
    // Below the log start (deleted by retention) the consumer resets to the earliest record,
    // which is then past the offset asked for.
    consumer.seek(tp, offset);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
        if (record.offset() == offset) {
          return Optional.of(record);
        }
        if (record.offset() > offset) {
          return Optional.empty(); // compacted away
        }
      }
      if (consumer.position(tp) > offset) {
        return Optional.empty();
      }
    }
    throw new TimeoutException(tp + "@" + offset + " could not be read in " + timeout);
  }
}
