package dev.pairingworker.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pairingworker.metrics.Metric;
import dev.pairingworker.simulator.Fault;
import dev.pairingworker.simulator.FaultSettings;
import dev.pairingworker.support.WorkerFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 5: the fault mix a new user tried (15 % 503, 5 % 500, 3 % connection resets, a
 * 200/s limit answering 429, 5-s tokens) against the worker's <em>default</em> retry settings:
 * every create ends SUCCEEDED, and what that cost in possibly duplicated keys is in the replies and
 * in the metric.
 */
class FaultMixIT {
  private static final int USERS = 300;
  private static final int CREATES_PER_USER = 2;

  private static final FaultSettings MIX =
      FaultSettings.none()
          .withProbability(Fault.UNAVAILABLE, 0.15)
          .withProbability(Fault.INTERNAL_ERROR, 0.05)
          .withProbability(Fault.CONNECTION_RESET, 0.03)
          .withRateLimitPerSecond(200)
          .withSeed(14);

  @Test
  void underTheFaultMixEveryCreateSucceedsWithDefaultRetrySettings() throws Exception {
    try (WorkerFixture fx =
        WorkerFixture.start(
            sim -> sim.withFaults(MIX).withTokenLifetime(Duration.ofSeconds(5)),
            // Above PingOne's 200/s, so that 429s happen and the limiter backs off; every retry
            // setting is the default.
            Map.of("pingone.rate.limit", "250", "pingone.rate.limit.scope", "worker"))) {
      List<String> keys = new ArrayList<>();
      for (int user = 0; user < USERS; user++) {
        String userId = UUID.randomUUID().toString();
        for (int n = 0; n < CREATES_PER_USER; n++) {
          String key = "mix-" + user + "-" + n;
          keys.add(key);
          fx.client.send(key, fx.create(userId), Map.of());
        }
      }
      CompletableFuture.allOf(keys.stream().map(fx.client::reply).toArray(CompletableFuture[]::new))
          .get(240, TimeUnit.SECONDS);

      Map<String, Integer> outcomes = new TreeMap<>();
      int ambiguousAttempts = 0;
      for (String key : keys) {
        JsonNode reply = fx.json(fx.client.reply(key).get());
        outcomes.merge(
            reply.path("status").asText() + "/" + reply.path("stopReason").asText("-"),
            1,
            Integer::sum);
        ambiguousAttempts += reply.path("ambiguousAttempts").asInt(0);
      }
      double retried =
          fx.worker
              .metrics()
              .registry()
              .get(Metric.AMBIGUOUS.meterName())
              .tag("action", "retried")
              .counter()
              .count();
      System.out.printf(
          "FaultMixIT: %d creates: %s; ambiguousAttempts %d; metric retried %.0f; simulator %s%n",
          keys.size(), outcomes, ambiguousAttempts, retried, fx.simulator.stats());

      assertThat(outcomes).containsOnlyKeys("SUCCEEDED/-");
      // 429s come only when this machine runs the worker above PingOne's 200/s (79 of them on a
      // quiet
      // 2-core machine, none under a load of 25): not asserted, so the test does not depend on it.
      assertThat(fx.simulator.stats().connectionResets()).as("resets happened").isPositive();
      assertThat(ambiguousAttempts)
          .as("each connection reset of a create is an ambiguous attempt")
          .isPositive();
      assertThat(retried).isEqualTo(ambiguousAttempts);
    }
  }
}
