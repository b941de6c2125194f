package dev.pairingworker.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairingworker.simulator.LatencyModel;
import dev.pairingworker.simulator.RecordedRequest;
import dev.pairingworker.support.WorkerFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OrderingIT {
  private static final Duration SLOW = Duration.ofMillis(800);

  @Test
  void aSlowUserDoesNotHoldUpOthersAndKeepsItsOwnOrder() throws Exception {
    String slowUser = UUID.randomUUID().toString();
    try (WorkerFixture fx =
        WorkerFixture.start(
            sim -> sim.withLatency(LatencyModel.slowUser(slowUser, SLOW, LatencyModel.none())),
            Map.of("worker.max.in-flight", "8"))) {
      List<String> slowKeys = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        slowKeys.add("slow-" + i);
        fx.client.send("slow-" + i, fx.create(slowUser), Map.of()).get();
      }
      List<String> otherKeys = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        otherKeys.add("other-" + i);
        fx.client.send("other-" + i, fx.create(UUID.randomUUID().toString()), Map.of());
      }

      CompletableFuture.allOf(
              otherKeys.stream().map(fx.client::reply).toArray(CompletableFuture[]::new))
          .get(30, TimeUnit.SECONDS);
      long slowAnswered = slowKeys.stream().filter(k -> fx.client.reply(k).isDone()).count();
      assertThat(slowAnswered)
          .as("slow user's replies when all others were answered")
          .isLessThanOrEqualTo(2);

      for (String key : slowKeys) {
        assertThat(fx.json(fx.client.reply(key).get(30, TimeUnit.SECONDS)).path("status").asText())
            .isEqualTo("SUCCEEDED");
      }
      List<RecordedRequest> slowCalls =
          fx.apiRequests().stream().filter(r -> r.path().contains(slowUser)).toList();
      assertThat(slowCalls)
          .extracting(RecordedRequest::transactionId)
          .containsExactlyElementsOf(slowKeys);
      for (int i = 1; i < slowCalls.size(); i++) {
        Duration gap =
            Duration.between(slowCalls.get(i - 1).receivedAt(), slowCalls.get(i).receivedAt());
        assertThat(gap)
            .as("a user's next call starts only after the previous answer")
            .isGreaterThanOrEqualTo(SLOW);
      }
    }
  }
}
