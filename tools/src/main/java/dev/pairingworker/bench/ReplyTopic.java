package dev.pairingworker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pairingworker.command.Json;
import dev.pairingworker.submit.TopicScan;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every reply on a reply topic, duplicates included (the command client keeps only the first reply
 * of each key). No consumer group, nothing committed.
 */
final class ReplyTopic {
  private ReplyTopic() {}

  static List<ReplyCheck.Reply> read(Map<String, Object> kafka, String topic, Duration timeout) {
    List<ReplyCheck.Reply> replies = new ArrayList<>();
    TopicScan.forEach(
        kafka, topic, timeout, (key, value) -> replies.add(reply(key == null ? "" : key, value)));
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
