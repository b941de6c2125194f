package dev.pairingworker.submit;

import dev.pairingworker.kafka.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from its beginning to its current end, keeping the records whose key is one of
 * ours: how a re-run finds commands an interrupted run had already sent, and replies it had not yet
 * written to the results file. No consumer group, nothing committed.
 */
final class TopicScan {
  private TopicScan() {}

  /** Values by key of the records with one of {@code keys}; the last one wins. */
  static Map<String, byte[]> find(
      Map<String, Object> kafka, String topic, Set<String> keys, Duration timeout) {
    Map<String, byte[]> found = new HashMap<>();
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
          record -> {
            String key =
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
            if (key != null && keys.contains(key)) {
              found.put(key, record.value());
            }
          });
    }
    return found;
  }
}
