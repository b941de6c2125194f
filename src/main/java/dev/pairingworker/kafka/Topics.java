package dev.pairingworker.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates topics that do not exist yet (demo, benchmark, tests; production topics belong to
 * operators).
 */
public final class Topics {
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
    try (Admin admin = Admin.create(kafkaSettings)) {
      for (Map.Entry<String, Integer> topic : partitionsByTopic.entrySet()) {
        try {
          admin
              .createTopics(
                  java.util.List.of(new NewTopic(topic.getKey(), topic.getValue(), (short) 1)))
              .all()
              .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException(
                "could not create topic " + topic.getKey(), e.getCause());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the broker did not create the topics in time", e);
    }
  }

  private static void create(Map<String, Object> kafkaSettings, NewTopic topic) {
    try (Admin admin = Admin.create(kafkaSettings)) {
      admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("could not create topic " + topic.name(), e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the broker did not create the topics in time", e);
    }
  }
}
