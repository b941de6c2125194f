package dev.pairingworker.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairingworker.command.Json;
import dev.pairingworker.support.TopicRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What a topic holds right now, read from the beginning to its end (read_committed). */
final class TopicSnapshot {
  private static final ObjectMapper JSON = Json.mapper();

  private TopicSnapshot() {}

  /** One reply record, as far as the crash tests care. */
  record ReplySeen(
      String transactionId,
      String status,
      String errorCode,
      boolean replay,
      int ambiguousAttempts) {
    boolean outcomeUnknown() {
      return "FAILED".equals(status) && "OUTCOME_UNKNOWN".equals(errorCode);
    }
  }

  static List<ReplySeen> replies(Map<String, Object> kafka, String topic) {
    List<ReplySeen> replies = new ArrayList<>();
    read(kafka, topic, record -> replies.add(reply(record.value())));
    return replies;
  }

  static Set<String> answered(Map<String, Object> kafka, String topic) {
    return replies(kafka, topic).stream().map(ReplySeen::transactionId).collect(Collectors.toSet());
  }

  /**
   * Transactions whose last ledger entry is STARTED: the worker wrote (and had acknowledged) the
   * start of the create but not its completion — the creates in flight when it died.
   */
  static Set<String> unfinished(Map<String, Object> kafka, String ledgerTopic) {
    Map<String, String> state = new HashMap<>();
    read(
        kafka,
        ledgerTopic,
        record -> {
          String tx = new String(record.key(), StandardCharsets.UTF_8);
          if (record.value() == null) {
            state.remove(tx);
          } else {
            state.put(tx, tree(record.value()).path("state").asText());
          }
        });
    return state.entrySet().stream()
        .filter(e -> e.getValue().equals("STARTED"))
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }

  private static ReplySeen reply(byte[] value) {
    JsonNode reply = tree(value);
    JsonNode code = reply.path("error").path("code");
    return new ReplySeen(
        reply.path("transactionId").asText(),
        reply.path("status").asText(),
        code.isMissingNode() ? null : code.asText(),
        reply.path("replay").asBoolean(false),
        reply.path("ambiguousAttempts").asInt(0));
  }

  private static void read(
      Map<String, Object> kafka,
      String topic,
      java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> sink) {
    TopicRecords.committed(kafka, topic).forEach(sink);
  }

  private static JsonNode tree(byte[] value) {
    try {
      return JSON.readTree(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
