package dev.pairingworker.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pairingworker.simulator.LatencyModel;
import dev.pairingworker.support.TestKafka;
import dev.pairingworker.support.WorkerFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Memory stays bounded under a backlog, and offsets never pass a record that has no reply yet. */
class BackPressureIT {
  @Test
  void theConsumerPausesWhenFullAndResumesAsRepliesGoOut() throws Exception {
    int maxBuffered = 20;
    try (WorkerFixture fx =
        WorkerFixture.start(
            sim -> sim.withLatency(LatencyModel.fixed(Duration.ofMillis(100))),
            Map.of(
                "pingone.rate.limit", "0",
                "worker.max.in-flight", "4",
                "worker.max.buffered", Integer.toString(maxBuffered)))) {
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        keys.add("backlog-" + i);
        fx.client.send("backlog-" + i, fx.create(UUID.randomUUID().toString()), Map.of());
      }
      CompletableFuture<Void> all =
          CompletableFuture.allOf(
              keys.stream().map(fx.client::reply).toArray(CompletableFuture[]::new));
      double maxHeld = 0;
      boolean sawPaused = false;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!all.isDone() && System.nanoTime() < deadline) {
        maxHeld = Math.max(maxHeld, gauge(fx, "pairing_worker.buffered_records"));
        sawPaused |= gauge(fx, "pairing_worker.paused_partitions") > 0;
        try {
          all.get(5, TimeUnit.MILLISECONDS);
        } catch (TimeoutException notYet) {
          // sample again
        }
      }
      all.get(1, TimeUnit.SECONDS);

      assertThat(sawPaused).isTrue();
      // One poll may land on top of the bound: max.poll.records is capped at worker.max.buffered.
      assertThat(maxHeld).isLessThanOrEqualTo(2 * maxBuffered);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> gauge(fx, "pairing_worker.paused_partitions") == 0);
    }
  }

  @Test
  void offsetsAreNotCommittedPastARecordWithoutAReply() throws Exception {
    String slowUser = UUID.randomUUID().toString();
    try (WorkerFixture fx =
        WorkerFixture.start(
            sim ->
                sim.withLatency(
                    LatencyModel.slowUser(slowUser, Duration.ofSeconds(4), LatencyModel.none())),
            Map.of("pingone.rate.limit", "0"))) {
      fx.client.send("slow-first", fx.create(slowUser), Map.of()).get();
      List<String> fast = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        fast.add("fast-" + i);
        fx.client.send("fast-" + i, fx.create(UUID.randomUUID().toString()), Map.of());
      }
      CompletableFuture.allOf(fast.stream().map(fx.client::reply).toArray(CompletableFuture[]::new))
          .get(30, TimeUnit.SECONDS);
      assertThat(fx.client.reply("slow-first")).isNotDone();

      assertThat(committed(fx))
          .as("nothing past the unanswered first record")
          .isLessThanOrEqualTo(0L);

      fx.client.reply("slow-first").get(30, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(10)).until(() -> committed(fx) == 51L);
    }
  }

  private static double gauge(WorkerFixture fx, String name) {
    return fx.worker.metrics().registry().get(name).gauge().value();
  }

  private static long committed(WorkerFixture fx) throws Exception {
    try (Admin admin = Admin.create(TestKafka.clientSettings())) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin
              .listConsumerGroupOffsets(fx.groupId())
              .partitionsToOffsetAndMetadata()
              .get(30, TimeUnit.SECONDS);
      OffsetAndMetadata om = offsets.get(new TopicPartition(fx.commands, 0));
      return om == null ? -1 : om.offset();
    }
  }
}
