package dev.pairingworker.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pairingworker.simulator.LatencyModel;
import dev.pairingworker.simulator.RecordedRequest;
import dev.pairingworker.support.GroupProtocols;
import dev.pairingworker.support.WorkerFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A second worker joins and leaves mid-run: nothing is lost, and duplicates stay within what was in
 * flight. Under both consumer group protocols.
 */
class RebalanceIT {
  private static final int IN_FLIGHT = 4;

  @ParameterizedTest(name = "kafka.group.protocol={0}")
  @EnumSource(GroupProtocol.class)
  void aWorkerJoiningAndLeavingMidRunLosesNothing(GroupProtocol protocol) throws Exception {
    try (WorkerFixture fx =
        WorkerFixture.start(
            sim -> sim.withLatency(LatencyModel.fixed(Duration.ofMillis(50))),
            GroupProtocols.with(
                protocol,
                Map.of(
                    "pingone.rate.limit", "0",
                    "worker.max.in-flight", Integer.toString(IN_FLIGHT),
                    "worker.max.buffered", "50")),
            4)) {
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < 1200; i++) {
        keys.add("rebalance-" + i);
        fx.client.send("rebalance-" + i, fx.create(UUID.randomUUID().toString()), Map.of());
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> answered(fx, keys) > 100);
      GroupProtocols.assertGroupUses(protocol, fx.groupId());

      Worker second = fx.startAnotherWorker();
      await().atMost(Duration.ofSeconds(60)).until(() -> answeredBy(second) > 20);
      second.close();

      CompletableFuture.allOf(keys.stream().map(fx.client::reply).toArray(CompletableFuture[]::new))
          .get(120, TimeUnit.SECONDS);
      Map<String, Long> replies =
          fx.allReplies().stream()
              .collect(
                  Collectors.groupingBy(
                      r -> new String(r.key(), StandardCharsets.UTF_8), Collectors.counting()));
      assertThat(replies.keySet()).containsAll(keys);
      long duplicateReplies = replies.values().stream().mapToLong(n -> n - 1).sum();
      // Each hand-over may repeat at most the commands on the wire at that moment (twice: join,
      // leave).
      assertThat(duplicateReplies).isLessThanOrEqualTo(2L * IN_FLIGHT);
      Map<String, Long> calls =
          fx.apiRequests().stream()
              .collect(
                  Collectors.groupingBy(RecordedRequest::transactionId, Collectors.counting()));
      assertThat(calls.values().stream().mapToLong(n -> n - 1).sum())
          .isLessThanOrEqualTo(2L * IN_FLIGHT);
      assertThat(fx.worker.failure()).isNull();
    }
  }

  private static double answeredBy(Worker worker) {
    return worker.metrics().registry().find("pairing_worker.commands").counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  private static long answered(WorkerFixture fx, List<String> keys) {
    return keys.stream().filter(k -> fx.client.reply(k).isDone()).count();
  }
}
