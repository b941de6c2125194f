package dev.pairingworker.crash;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Follows a reply topic from its beginning on a thread of its own and counts the distinct
 * transaction IDs answered so far: what the crash tests wait on before a kill. It keeps polling
 * through a broker outage, and remembers when each reply was created and seen, to tell how soon a
 * restarted worker answered.
 */
final class ReplyCounter implements AutoCloseable {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Set<String> answered = ConcurrentHashMap.newKeySet();
  private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
  private final Thread thread;

  ReplyCounter(Map<String, Object> kafka, String topic) {
    Map<String, Object> settings = new HashMap<>(kafka);
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer =
        new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    thread = new Thread(this::follow, "reply-counter");
    thread.setDaemon(true);
    thread.start();
  }

  /** Distinct transaction IDs with at least one reply. */
  int answered() {
    return answered.size();
  }

  /**
   * How long after {@code since} the first reply created at or after it was seen here: for a worker
   * process started at {@code since} (its predecessor dead), the time it took to answer its first
   * command. Empty if no such reply was seen yet.
   */
  Optional<Duration> firstReplyCreatedSince(Instant since) {
    long start = since.toEpochMilli();
    synchronized (seen) {
      return seen.stream()
          .filter(s -> s.createdAt() >= start)
          .mapToLong(Seen::seenAt)
          .min()
          .stream()
          .mapToObj(at -> Duration.ofMillis(at - start))
          .findFirst();
    }
  }

  /** A reply record: its timestamp (when the worker created it) and when it was read here. */
  private record Seen(long createdAt, long seenAt) {}

  private void follow() {
    try {
      while (true) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          answered.add(new String(r.key(), StandardCharsets.UTF_8));
          seen.add(new Seen(r.timestamp(), System.currentTimeMillis()));
        }
      }
    } catch (WakeupException e) {
      // closed
    } finally {
      consumer.close();
    }
  }

  @Override
  public void close() {
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
