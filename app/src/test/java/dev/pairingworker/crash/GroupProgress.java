package dev.pairingworker.crash;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far the worker's consumer group has committed on the commands topic. */
final class GroupProgress {
  private GroupProgress() {}

  /** Records of the commands topic not yet committed by the group (its lag). */
  static long lag(Map<String, Object> kafka, String group, String topic, int partitions)
      throws InterruptedException, ExecutionException, TimeoutException {
    List<TopicPartition> tps =
        java.util.stream.IntStream.range(0, partitions)
            .mapToObj(p -> new TopicPartition(topic, p))
            .toList();
    try (Admin admin = Admin.create(kafka)) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(30, TimeUnit.SECONDS);
      Map<TopicPartition, Long> end =
          admin
              .listOffsets(
                  tps.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
              .all()
              .get(30, TimeUnit.SECONDS)
              .entrySet()
              .stream()
              .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
      long lag = 0;
      for (TopicPartition tp : tps) {
        OffsetAndMetadata c = committed.get(tp);
        lag += end.get(tp) - (c == null ? 0 : c.offset());
      }
      return lag;
    }
  }
}
