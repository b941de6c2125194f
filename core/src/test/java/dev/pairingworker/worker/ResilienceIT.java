package dev.pairingworker.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pairingworker.simulator.Fault;
import dev.pairingworker.simulator.FaultSettings;
import dev.pairingworker.simulator.RecordedRequest;
import dev.pairingworker.simulator.TokenState;
import dev.pairingworker.support.WorkerFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The worker against a PingOne that misbehaves: 5xx, resets, a rate limit, short tokens, an outage.
 */
class ResilienceIT {
  private static final FaultSettings UNRELIABLE =
      FaultSettings.none()
          .withProbability(Fault.UNAVAILABLE, 0.10)
          .withProbability(Fault.UNAVAILABLE_RETRY_AFTER, 0.05)
          .withProbability(Fault.INTERNAL_ERROR, 0.05)
          .withProbability(Fault.CONNECTION_RESET, 0.03)
          .withRateLimitPerSecond(200)
          .withRetryAfterSeconds(1)
          .withSeed(20261129);

  @Test
  void everyCommandSucceedsOnceDespiteFaultsAndNothingIsRetriedThatMustNotBe() throws Exception {
    try (WorkerFixture fx =
        WorkerFixture.start(
            sim -> sim.withFaults(UNRELIABLE).withTokenLifetime(Duration.ofSeconds(5)),
            Map.of(
                "pingone.rate.limit",
                    "250", // above PingOne's 200/s: 429s happen and the limiter adapts
                "pingone.retry.ambiguous-create", "retry",
                "pingone.retry.base-delay", "50ms",
                "pingone.retry.max-attempts", "20",
                "worker.max.in-flight", "64"))) {
      List<String> creates = new ArrayList<>();
      List<String> notFound = new ArrayList<>();
      List<String> invalid = new ArrayList<>();
      // PingOne's refusal: creates for a user who holds the most keys PingOne allows (the worker
      // itself rejects a body PingOne would refuse, so only PingOne's own limits give a 400 here).
      // One user's commands run one at a time in partition order: the fills before the refusals.
      String fullUser = UUID.randomUUID().toString();
      List<String> fills = new ArrayList<>();
      for (int n = 0; n < 20; n++) {
        fills.add("fill-" + n);
        fx.client.send("fill-" + n, fx.create(fullUser), Map.of());
      }
      for (int user = 0; user < 300; user++) {
        String userId = UUID.randomUUID().toString();
        for (int n = 0; n < 2; n++) {
          String key = "create-" + user + "-" + n;
          creates.add(key);
          fx.client.send(key, fx.create(userId), Map.of());
        }
        if (user % 10 == 0) {
          notFound.add("missing-" + user);
          fx.client.send("missing-" + user, fx.get(userId, UUID.randomUUID().toString()), Map.of());
          invalid.add("invalid-" + user);
          fx.client.send("invalid-" + user, fx.create(fullUser), Map.of());
        }
      }

      awaitAll(fx, fills);
      awaitAll(fx, creates);
      awaitAll(fx, notFound);
      awaitAll(fx, invalid);
      for (String key : creates) {
        assertThat(reply(fx, key).path("status").asText()).as(key).isEqualTo("SUCCEEDED");
      }
      for (String key : notFound) {
        assertThat(reply(fx, key).path("httpStatus").asInt()).as(key).isEqualTo(404);
        assertThat(reply(fx, key).path("stopReason").asText()).isEqualTo("not_retryable");
      }
      assertThat(fx.simulator.validKeyCount(WorkerFixture.ENV, fullUser)).isEqualTo(20);
      for (String key : invalid) {
        assertThat(reply(fx, key).path("httpStatus").asInt()).as(key).isEqualTo(400);
      }

      Map<String, Long> repliesPerKey =
          fx.allReplies().stream()
              .collect(
                  Collectors.groupingBy(
                      r -> new String(r.key(), StandardCharsets.UTF_8), Collectors.counting()));
      assertThat(repliesPerKey)
          .hasSize(fills.size() + creates.size() + notFound.size() + invalid.size());
      assertThat(repliesPerKey.values()).containsOnly(1L);

      Map<String, List<RecordedRequest>> calls = callsByTransaction(fx);
      assertNothingFollowsAFinalAnswer(calls);
      for (String key : notFound) {
        assertThat(last(calls.get(key)).status()).isEqualTo(404);
      }
      for (String key : invalid) {
        assertThat(last(calls.get(key)).status()).isEqualTo(400);
      }
      assertRetryAfterHonoured(calls);
      assertExpiredTokensUsedAtMostOncePerRefresh(fx.simulator.requests());
      assertThat(fx.simulator.stats().rateLimited())
          .as("the limiter met PingOne's limit")
          .isPositive();
      assertThat(fx.simulator.stats().connectionResets()).isPositive();
    }
  }

  @Test
  void anOutageIsRiddenOutWithoutARestart() throws Exception {
    try (WorkerFixture fx =
        WorkerFixture.start(
            sim -> sim,
            Map.of(
                "pingone.rate.limit",
                "0",
                "pingone.retry.base-delay",
                "100ms",
                "pingone.retry.max-delay",
                "5s"))) {
      List<String> before = send(fx, "before-", 50);
      awaitAll(fx, before);

      fx.simulator.startOutage(Duration.ofSeconds(20), 503);
      List<String> during = send(fx, "during-", 50);
      // Each command is tried, told to come back when the outage ends, and waits without a thread.
      CompletableFuture<Void> allAnswered =
          CompletableFuture.allOf(
              during.stream().map(fx.client::reply).toArray(CompletableFuture[]::new));
      assertThat(allAnswered).isNotDone();

      allAnswered.get(90, TimeUnit.SECONDS);
      for (String key : during) {
        JsonNode reply = reply(fx, key);
        assertThat(reply.path("status").asText()).as(key).isEqualTo("SUCCEEDED");
        assertThat(reply.path("attempts").asInt()).isGreaterThan(1);
      }
      assertThat(fx.worker.failure()).isNull();
      assertRetryAfterHonoured(callsByTransaction(fx));
    }
  }

  @Test
  void aCommandThatExhaustsItsAttemptsFailsWithTheLastError() throws Exception {
    try (WorkerFixture fx =
        WorkerFixture.start(
            sim -> sim.withFaults(FaultSettings.none().withProbability(Fault.INTERNAL_ERROR, 1.0)),
            Map.of("pingone.retry.max-attempts", "3", "pingone.retry.base-delay", "10ms"))) {
      JsonNode reply = fx.callJson("doomed", fx.create(UUID.randomUUID().toString()));

      assertThat(reply.path("status").asText()).isEqualTo("FAILED");
      assertThat(reply.path("attempts").asInt()).isEqualTo(3);
      assertThat(reply.path("httpStatus").asInt()).isEqualTo(500);
      assertThat(reply.path("error").path("code").asText()).isEqualTo("UNEXPECTED_ERROR");
      assertThat(reply.path("stopReason").asText()).isEqualTo("max_attempts");
      assertThat(fx.apiRequests()).hasSize(3);
    }
  }

  @Test
  void aCreateWhoseOutcomeIsUnknownIsAnsweredNotRepeatedWhenConfiguredSo() throws Exception {
    try (WorkerFixture fx =
        WorkerFixture.start(
            sim ->
                sim.withFaults(FaultSettings.none().withProbability(Fault.CONNECTION_RESET, 1.0)),
            Map.of(
                "pingone.retry.ambiguous-create",
                "answer",
                "pingone.retry.max-attempts",
                "8",
                "pingone.retry.base-delay",
                "10ms"))) {
      String user = UUID.randomUUID().toString();
      JsonNode create = fx.callJson("unknown-create", fx.create(user));
      JsonNode get = fx.callJson("retried-get", fx.get(user, UUID.randomUUID().toString()));

      assertThat(create.path("status").asText()).isEqualTo("FAILED");
      assertThat(create.path("error").path("code").asText()).isEqualTo("OUTCOME_UNKNOWN");
      assertThat(create.path("outcomeUnknown").asBoolean()).isTrue();
      assertThat(create.path("attempts").asInt()).isEqualTo(1);
      assertThat(get.path("attempts").asInt()).as("a get is idempotent: retried").isEqualTo(8);
      assertThat(get.path("error").path("code").asText()).isEqualTo("PINGONE_UNREACHABLE");
    }
  }

  /** 400, 403, 404 and 409 are never retried: such an answer is a transaction's last request. */
  private static void assertNothingFollowsAFinalAnswer(Map<String, List<RecordedRequest>> calls) {
    calls.forEach(
        (key, requests) -> {
          for (int i = 0; i < requests.size() - 1; i++) {
            assertThat(requests.get(i).status())
                .as("%s retried after %s", key, requests.get(i).status())
                .isNotIn(400, 403, 404, 409);
          }
        });
  }

  private static RecordedRequest last(List<RecordedRequest> requests) {
    return requests.get(requests.size() - 1);
  }

  private static void assertRetryAfterHonoured(Map<String, List<RecordedRequest>> calls) {
    calls.forEach(
        (key, requests) -> {
          for (int i = 1; i < requests.size(); i++) {
            RecordedRequest previous = requests.get(i - 1);
            if (previous.retryAfter() != null) {
              assertThat(requests.get(i).receivedAt())
                  .as("%s retried no sooner than Retry-After %s", key, previous.retryAfter())
                  .isAfterOrEqualTo(previous.retryNotBefore());
            }
          }
        });
  }

  /**
   * After each token refresh, at most one call (already on its way) may still carry the expired
   * token.
   */
  private static void assertExpiredTokensUsedAtMostOncePerRefresh(List<RecordedRequest> requests) {
    long refreshes = requests.stream().filter(RecordedRequest::isTokenRequest).count() - 1;
    long expired = requests.stream().filter(r -> r.token() == TokenState.EXPIRED).count();
    assertThat(refreshes).as("a 5 s token in a longer run is refreshed").isPositive();
    assertThat(expired).isLessThanOrEqualTo(refreshes);
  }

  private static Map<String, List<RecordedRequest>> callsByTransaction(WorkerFixture fx) {
    Map<String, List<RecordedRequest>> out = new HashMap<>();
    for (RecordedRequest r : fx.apiRequests()) {
      out.computeIfAbsent(r.transactionId(), k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  private static List<String> send(WorkerFixture fx, String prefix, int count) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      keys.add(prefix + i);
      fx.client.send(prefix + i, fx.create(UUID.randomUUID().toString()), Map.of());
    }
    return keys;
  }

  private static void awaitAll(WorkerFixture fx, List<String> keys) throws Exception {
    CompletableFuture.allOf(keys.stream().map(fx.client::reply).toArray(CompletableFuture[]::new))
        .get(120, TimeUnit.SECONDS);
  }

  private static JsonNode reply(WorkerFixture fx, String key) throws Exception {
    return fx.json(fx.client.reply(key).get());
  }
}
