package dev.pairingworker.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pairingworker.simulator.RecordedRequest;
import dev.pairingworker.simulator.TokenState;
import dev.pairingworker.support.WorkerFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenRefreshIT {
  @Test
  void aTokenPingOneNoLongerAcceptsIsReplacedOnceAndTheCallsRetried() throws Exception {
    try (WorkerFixture fx = WorkerFixture.start()) {
      assertThat(
              fx.callJson("warm-up", fx.create(UUID.randomUUID().toString()))
                  .path("status")
                  .asText())
          .isEqualTo("SUCCEEDED");
      fx.simulator.expireAllTokens();
      fx.simulator.clearRequests();

      List<String> keys = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String key = "after-expiry-" + i;
        keys.add(key);
        fx.client.send(key, fx.create(UUID.randomUUID().toString()), Map.of());
      }
      for (String key : keys) {
        JsonNode reply = fx.json(fx.client.reply(key).get(30, TimeUnit.SECONDS));
        assertThat(reply.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(reply.path("attempts").asInt()).isBetween(1, 2);
      }
      List<RecordedRequest> requests = fx.simulator.requests();
      assertThat(requests.stream().filter(RecordedRequest::isTokenRequest)).hasSize(1);
      assertThat(requests.stream().filter(r -> r.status() == 201)).hasSize(20);
    }
  }

  @Test
  void aTokenIsRefreshedBeforeItExpires() {
    try (WorkerFixture fx =
        WorkerFixture.start(
            sim -> sim.withTokenLifetime(Duration.ofSeconds(3)),
            Map.of("pingone.token.refresh-before", "2s"))) {
      int[] sent = {0};
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                String key = "steady-" + sent[0]++;
                fx.call(key, fx.create(UUID.randomUUID().toString()), Map.of());
                return fx.simulator.requests().stream()
                        .filter(RecordedRequest::isTokenRequest)
                        .count()
                    >= 3;
              });

      assertThat(fx.apiRequests())
          .extracting(RecordedRequest::token)
          .containsOnly(TokenState.VALID);
      assertThat(fx.apiRequests()).extracting(RecordedRequest::status).containsOnly(201);
    }
  }
}
