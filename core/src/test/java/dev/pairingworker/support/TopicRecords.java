package dev.pairingworker.support;

import dev.pairingworker.kafka.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Every record a topic holds now, all partitions, read from the beginning to the end offsets. */
public final class TopicRecords {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private TopicRecords() {}

  /** As a {@code read_committed} reader sees them: no record of an aborted or open transaction. */
  public static List<ConsumerRecord<byte[], byte[]>> committed(
      Map<String, Object> kafka, String topic) {
    return read(kafka, topic, "read_committed");
  }

  /** As Kafka's default {@code read_uncommitted} reader sees them. */
  public static List<ConsumerRecord<byte[], byte[]>> uncommitted(
      Map<String, Object> kafka, String topic) {
    return read(kafka, topic, "read_uncommitted");
  }

  private static List<ConsumerRecord<byte[], byte[]>> read(
      Map<String, Object> kafka, String topic, String isolation) {
    Map<String, Object> settings = new HashMap<>(kafka);
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      TopicReader.readToEnd(consumer, partitions, TIMEOUT, records::add);
      return records;
    }
  }
}
