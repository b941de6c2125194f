package dev.pairingworker.support;

import java.util.Map;
import java.util.UUID;

/**
 * Fresh topic and group names for one worker, so tests can share a broker but not its resources.
 */
public record WorkerTopics(
    String commands, String replies, String deadLetter, String ledger, String group) {
  public static WorkerTopics fresh() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    return new WorkerTopics(
        "commands-" + run,
        "replies-" + run,
        "dead-letter-" + run,
        "ledger-" + run,
        "worker-" + run);
  }

  /** The worker settings naming them. */
  public Map<String, String> settings() {
    return Map.of(
        "worker.group.id", group,
        "worker.topic.commands", commands,
        "worker.topic.replies", replies,
        "worker.topic.dead-letter", deadLetter,
        "worker.topic.ledger", ledger);
  }
}
