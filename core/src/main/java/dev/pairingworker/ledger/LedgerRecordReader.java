package dev.pairingworker.ledger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads single ledger records back by offset, for replays, on a thread of its own with a consumer
 * of its own ({@code assign}, no group, created on the first read), so neither the poll loop nor
 * the restore waits for it. The reads asked for while one round runs are served together in the
 * next: one fetch for all their partitions, each read forward from its lowest offset asked for
 * (after a crash the replayed records are the newest ones, close together). A round costs about one
 * fetch wait ({@code fetch.max.wait.ms}: the consumer's previous fetch may still be pending),
 * however many records it serves.
 */
final class LedgerRecordReader {
  private static final Duration POLL = Duration.ofMillis(100);

  /** Reading forward to a record further away than this costs more than seeking to it. */
  private static final long SEEK_BEYOND = 2_000;

  private final ConsumerThread reader;
  private final String topic;
  private final Duration timeout;
  private final Queue<Request> requests = new ConcurrentLinkedQueue<>();

  private record Request(
      TopicPartition partition,
      long offset,
      CompletableFuture<Optional<ConsumerRecord<byte[], byte[]>>> record) {}

  LedgerRecordReader(
      Supplier<KafkaConsumer<byte[], byte[]>> consumers, String topic, Duration timeout) {
    this.reader = new ConsumerThread("ledger-replay-read", consumers);
    this.topic = topic;
    this.timeout = timeout;
  }

  /**
   * The record at {@code offset} of ledger partition {@code partition}; empty when the topic no
   * longer has it (compacted or deleted). Completes exceptionally with a {@link TimeoutException}
   * when it could not be read in time, or with the consumer's error.
   */
  CompletableFuture<Optional<ConsumerRecord<byte[], byte[]>>> read(int partition, long offset) {
    Request request =
        new Request(new TopicPartition(topic, partition), offset, new CompletableFuture<>());
    requests.add(request);
    reader.serve(request.record(), this::readAsked);
    return request.record();
  }

  void close() {
    reader.close();
  }

  /** One round: every read asked for so far (none when an earlier round took them). */
  private void readAsked(KafkaConsumer<byte[], byte[]> consumer) {
    Map<TopicPartition, TreeMap<Long, List<Request>>> asked = new HashMap<>();
    for (Request r = requests.poll(); r != null; r = requests.poll()) {
      asked
          .computeIfAbsent(r.partition(), tp -> new TreeMap<>())
          .computeIfAbsent(r.offset(), o -> new ArrayList<>())
          .add(r);
    }
    if (asked.isEmpty()) {
      return;
    }
    try {
      readAll(consumer, asked);
      TimeoutException late =
          new TimeoutException("ledger records could not be read in " + timeout);
      asked.values().forEach(byOffset -> complete(byOffset, Long.MAX_VALUE, null, late));
    } catch (RuntimeException e) {
      asked.values().forEach(byOffset -> complete(byOffset, Long.MAX_VALUE, null, e));
    }
  }

  private void readAll(
      KafkaConsumer<byte[], byte[]> consumer,
      Map<TopicPartition, TreeMap<Long, List<Request>>> asked) {
    consumer.assign(asked.keySet());
    consumer.resume(asked.keySet()); // a partition kept from the last round keeps its pause
    // Below the log start (deleted by retention) the consumer resets to the earliest record,
    // which is then past the offset asked for.
    asked.forEach((tp, byOffset) -> consumer.seek(tp, byOffset.firstKey()));
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!asked.isEmpty() && System.nanoTime() < deadline) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        TreeMap<Long, List<Request>> byOffset = asked.get(tp);
        if (byOffset != null) {
          complete(byOffset, record.offset(), null, null); // not there: compacted away
          complete(byOffset, record.offset() + 1, record, null);
        }
      }
      asked.entrySet().removeIf(e -> e.getValue().isEmpty());
      asked.forEach((tp, byOffset) -> skipGone(consumer, tp, byOffset));
      asked.entrySet().removeIf(e -> e.getValue().isEmpty());
      consumer.pause(consumer.assignment().stream().filter(tp -> !asked.containsKey(tp)).toList());
    }
  }

  /** Delivery the reads below the consumer's position that no record answered; seeks far ones. */
  private void skipGone(
      KafkaConsumer<byte[], byte[]> consumer,
      TopicPartition tp,
      TreeMap<Long, List<Request>> byOffset) {
    long position = consumer.position(tp);
    complete(byOffset, position, null, null);
    if (!byOffset.isEmpty() && byOffset.firstKey() - position > SEEK_BEYOND) {
      consumer.seek(tp, byOffset.firstKey());
    }
  }

  /** Completes and removes the reads below {@code below}: with the record, empty, or failed. */
  private static void complete(
      TreeMap<Long, List<Request>> byOffset,
      long below,
      ConsumerRecord<byte[], byte[]> record,
      Exception failure) {
    Map<Long, List<Request>> done = byOffset.headMap(below);
    for (List<Request> reads : done.values()) {
      for (Request read : reads) {
        if (failure != null) {
          read.record().completeExceptionally(failure);
        } else {
          read.record().complete(Optional.ofNullable(record));
        }
      }
    }
    done.clear();
  }
}
