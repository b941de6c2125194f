package dev.pairingworker.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Follows ledger partitions past a STARTED entry until the transaction's next record shows up: the
 * outcome a previous owner of the partition writes once the call it had on the wire when it gave
 * the partition up is answered. Runs on a thread of its own with a consumer of its own ({@code
 * assign}, no group), made at the first hand-over that needs it; every watch asked for while it
 * follows joins the same loop.
 */
final class HandoverWatch {
  private static final Duration POLL = Duration.ofMillis(100);

  private final ConsumerThread reader;
  private final String topic;
  private final Queue<Watch> asked = new ConcurrentLinkedQueue<>();
  private volatile boolean closed;

  private record Watch(
      TopicPartition partition,
      long after,
      byte[] key,
      long deadlineNanos,
      CompletableFuture<Optional<ConsumerRecord<byte[], byte[]>>> next) {
    boolean matches(ConsumerRecord<byte[], byte[]> record) {
      return record.offset() > after
          && record.partition() == partition.partition()
          && Arrays.equals(record.key(), key);
    }
  }

  HandoverWatch(Supplier<KafkaConsumer<byte[], byte[]>> consumers, String topic) {
    this.reader = new ConsumerThread("ledger-handover-watch", consumers);
    this.topic = topic;
  }

  /**
   * The first record of {@code transactionId} after offset {@code after} of ledger partition {@code
   * partition}; empty when none came before {@code deadlineNanos} ({@link System#nanoTime()}), or
   * the ledger closed.
   */
  CompletableFuture<Optional<ConsumerRecord<byte[], byte[]>>> next(
      int partition, long after, String transactionId, long deadlineNanos) {
    Watch watch =
        new Watch(
            new TopicPartition(topic, partition),
            after,
            transactionId.getBytes(StandardCharsets.UTF_8),
            deadlineNanos,
            new CompletableFuture<>());
    asked.add(watch);
    reader.serve(watch.next(), this::follow);
    return watch.next();
  }

  void close() {
    closed = true;
    reader.close();
  }

  /**
   * Follows until every watch has its record or its deadline (none when a run before took them).
   */
  private void follow(KafkaConsumer<byte[], byte[]> consumer) {
    List<Watch> watching = new ArrayList<>();
    try {
      while (true) {
        List<Watch> added = new ArrayList<>();
        for (Watch w = asked.poll(); w != null; w = asked.poll()) {
          added.add(w);
        }
        watching.addAll(added);
        long now = System.nanoTime();
        watching.removeIf(
            w -> {
              boolean over = closed || now - w.deadlineNanos() >= 0;
              if (over) {
                w.next().complete(Optional.empty());
              }
              return over || w.next().isDone();
            });
        if (watching.isEmpty()) {
          return;
        }
        if (!added.isEmpty()) {
          followFrom(consumer, watching, added);
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          for (Watch w : watching) {
            if (w.matches(record)) {
              w.next().complete(Optional.of(record));
            }
          }
        }
        watching.removeIf(w -> w.next().isDone());
      }
    } catch (RuntimeException e) {
      watching.forEach(w -> w.next().completeExceptionally(e));
      throw e;
    }
  }

  /** Assigns every watched partition and moves back to the first record a new watch needs. */
  private static void followFrom(
      KafkaConsumer<byte[], byte[]> consumer, List<Watch> watching, List<Watch> added) {
    Set<TopicPartition> before = consumer.assignment();
    consumer.assign(watching.stream().map(Watch::partition).collect(Collectors.toSet()));
    Map<TopicPartition, Long> from = new HashMap<>();
    for (Watch w : added) {
      from.merge(w.partition(), w.after() + 1, Math::min);
    }
    from.forEach(
        (tp, offset) -> {
          if (!before.contains(tp) || consumer.position(tp) > offset) {
            consumer.seek(tp, offset);
          }
        });
  }
}
