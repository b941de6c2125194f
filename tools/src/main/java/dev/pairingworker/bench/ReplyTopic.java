package dev.pairingworker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pairingworker.command.Json;
import dev.pairingworker.kafka.TopicReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Every reply on a reply topic, duplicates included (the command client keeps only the first reply
 * of each key). No consumer group, nothing committed.
 */
final class ReplyTopic {
  private ReplyTopic() {}

  static List<ReplyCheck.Reply> read(Map<String, Object> kafka, String topic, Duration timeout) {
    List<ReplyCheck.Reply> replies = new ArrayList<>();
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
                record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
            replies.add(reply(key, record.value()));
          });
    }
    return replies;
  }

  private static ReplyCheck.Reply reply(String key, byte[] value) {
    try {
      JsonNode reply = Json.mapper().readTree(value);
      return new ReplyCheck.Reply(
          key, reply.path("status").asText("UNREADABLE"), reply.path("replay").asBoolean(false));
    } catch (IOException e) {
      return new ReplyCheck.Reply(key, "UNREADABLE", false);
    }
  }
}
