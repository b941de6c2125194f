package dev.pairingworker.kafka;

import java.util.Map;
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
}
