package dev.pairingworker.bench;

import dev.pairingworker.kafka.Topics;
import java.util.Map;

/**
 * The topics of one run, named after it, so runs in one broker never see each other's records.
 *
 * @param commands the commands topic
 * @param replies the reply topic
 * @param deadLetter the dead-letter topic
 */
record BenchTopics(String commands, String replies, String deadLetter) {

  /** Creates the run's topics; commands and replies get {@code partitions} partitions. */
  static BenchTopics create(Map<String, Object> kafka, String run, int partitions) {
    BenchTopics topics = new BenchTopics(run + ".commands", run + ".replies", run + ".dead-letter");
    Topics.ensure(
        kafka,
        Map.of(
            topics.commands(), partitions, topics.replies(), partitions, topics.deadLetter(), 1));
    return topics;
  }
}
