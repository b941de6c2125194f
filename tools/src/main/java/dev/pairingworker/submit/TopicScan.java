package dev.pairingworker.submit;

import dev.pairingworker.kafka.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from its beginning to its current end, keeping the records whose key is one of
 * ours: how a re-run finds commands an interrupted run had already sent, and replies it had not yet
 * written to the results file. No consumer group, nothing committed.
 */
public final class TopicScan {
  private TopicScan() {}

  /** Values by key of the records with one of {@code keys}; the last one wins. */
  static Map<String, byte[]> find(
      Map<String, Object> kafka, String topic, Set<String> keys, Duration timeout) {
    Map<String, byte[]> found = new HashMap<>();
    forEach(
        kafka,
        topic,
        timeout,
        (key, value) -> {
          if (key != null && keys.contains(key)) {
            found.put(key, value);
          }
        });
    return found;
  }

  /**
   * Every record of {@code topic}, from its beginning to its current end, in order within each
   * partition: its key as UTF-8 (null when it has none) and its value.
   */
  public static void forEach(
      Map<String, Object> kafka,
      String topic,
      Duration timeout,
      BiConsumer<String, byte[]> record) {
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(kafka, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, timeout).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      TopicReader.readToEnd(
          consumer,
          partitions,
          timeout,
          r ->
              record.accept(
                  r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8), r.value()));
    }
  }
}
