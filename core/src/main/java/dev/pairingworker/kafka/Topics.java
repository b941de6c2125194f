package dev.pairingworker.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates topics that do not exist yet (demo, benchmark, tests; production topics belong to
 * operators).
 */
public final class Topics {
  private static final Duration LEADER_WAIT = Duration.ofSeconds(30);
  private static final Duration LEADER_RECHECK = Duration.ofMillis(50);

  private Topics() {}

  /**
   * Creates a ledger topic unless it exists: {@code cleanup.policy=compact,delete} (one entry per
   * transaction ID, none older than {@code retention}), as many partitions as the commands topic,
   * the broker's default replication factor.
   */
  public static void ensureLedger(
      Map<String, Object> kafkaSettings, String topic, int partitions, Duration retention) {
    NewTopic ledger =
        new NewTopic(topic, Optional.of(partitions), Optional.empty())
            .configs(
                Map.of(
                    "cleanup.policy",
                    "compact,delete",
                    "retention.ms",
                    Long.toString(retention.toMillis())));
    create(kafkaSettings, ledger);
  }

  /**
   * Creates each topic with the given partition count and replication factor 1, unless it exists.
   */
  public static void ensure(
      Map<String, Object> kafkaSettings, Map<String, Integer> partitionsByTopic) {
    create(
        kafkaSettings,
        partitionsByTopic.entrySet().stream()
            .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), (short) 1))
            .toList());
  }

  private static void create(Map<String, Object> kafkaSettings, NewTopic topic) {
    create(kafkaSettings, List.of(topic));
  }

  /**
   * Creates the topics that do not exist and returns once every partition's leader serves requests.
   * A producer writing to a partition whose creation its leader has not applied yet gets
   * NOT_LEADER_OR_FOLLOWER; an idempotent producer with several requests in flight can then be left
   * retrying its first batch forever with OUT_OF_ORDER_SEQUENCE_NUMBER (KAFKA-15591).
   */
  private static void create(Map<String, Object> kafkaSettings, List<NewTopic> topics) {
    try (Admin admin = Admin.create(kafkaSettings)) {
      for (NewTopic topic : topics) {
        try {
          admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("could not create topic " + topic.name(), e.getCause());
          }
        }
      }
      awaitLeaders(admin, topics.stream().map(NewTopic::name).toList());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the broker did not create the topics in time", e);
    }
  }

  /** Asks every partition's leader for its end offset until all of them answer. */
  private static void awaitLeaders(Admin admin, List<String> topics)
      throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + LEADER_WAIT.toNanos();
    while (true) {
      try {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        admin
            .describeTopics(topics)
            .allTopicNames()
            .get(30, TimeUnit.SECONDS)
            .values()
            .forEach(
                topic ->
                    topic
                        .partitions()
                        .forEach(
                            p ->
                                partitions.put(
                                    new TopicPartition(topic.name(), p.partition()),
                                    OffsetSpec.latest())));
        admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS);
        return;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
          throw new IllegalStateException("topics " + topics + " did not become ready", e);
        }
        LockSupport.parkNanos(LEADER_RECHECK.toNanos());
      }
    }
  }
}
