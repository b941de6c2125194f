package dev.pairingworker.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pairingworker.support.WorkerFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MetricsIT {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void metricsShowWhatTheWorkerDid() throws Exception {
    try (WorkerFixture fx = WorkerFixture.start()) {
      String user = UUID.randomUUID().toString();
      String keyId =
          fx.callJson("m-create", fx.create(user)).path("pairingKey").path("id").asText();
      fx.callJson("m-get", fx.get(user, keyId));
      fx.callJson("m-delete", fx.delete(user, keyId));
      fx.callJson("m-get-gone", fx.get(user, keyId));
      fx.callJson("m-invalid", "{\"op\":\"nope\"}");

      String scrape = get(fx, "/metrics").body();

      assertThat(scrape)
          .contains("pairing_worker_commands_total{op=\"create\",status=\"SUCCEEDED\"} 1.0")
          .contains("pairing_worker_commands_total{op=\"get\",status=\"SUCCEEDED\"} 1.0")
          .contains("pairing_worker_commands_total{op=\"get\",status=\"FAILED\"} 1.0")
          .contains("pairing_worker_commands_total{op=\"delete\",status=\"SUCCEEDED\"} 1.0")
          .contains("pairing_worker_commands_total{op=\"nope\",status=\"REJECTED\"} 1.0")
          .contains("pairing_worker_pingone_request_seconds_count{op=\"create\",status=\"201\"} 1")
          .contains("pairing_worker_pingone_request_seconds_count{op=\"get\",status=\"404\"} 1")
          .contains(
              "pairing_worker_pingone_request_seconds_bucket{op=\"create\",status=\"201\",le=\"0.05\"}")
          .contains("pairing_worker_token_request_seconds_count{status=\"200\"} 1")
          .contains("pairing_worker_dead_letters_total{code=\"INVALID_COMMAND\"} 1.0")
          .contains("pairing_worker_in_flight 0.0")
          .contains("jvm_memory_used_bytes")
          .contains("kafka_consumer_fetch_manager_records_consumed_total")
          .contains("kafka_consumer_fetch_manager_records_lag")
          .contains("kafka_producer_record_send_total");
    }
  }

  @Test
  void anIdleWorkerIsReadyOnceItHasPartitionsAndATokenFetchedAtStartUp() throws Exception {
    try (WorkerFixture fx = WorkerFixture.start()) {
      assertThat(get(fx, "/health/live").statusCode()).isEqualTo(200);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> get(fx, "/health/ready").statusCode() == 200);
      assertThat(get(fx, "/health/ready").body())
          .contains("\"status\":\"UP\"")
          .contains("\"assignedPartitions\":1")
          .contains("\"pingOneAuth\":\"ok\"")
          .contains("\"notReadyBecause\":[]");
      assertThat(fx.apiRequests()).isEmpty();
    }
  }

  @Test
  void notReadyWhilePingOneRefusesTheCredentials() throws Exception {
    try (WorkerFixture fx =
        WorkerFixture.start(s -> s, Map.of("pingone.client.secret", "wrong-secret"))) {
      var reply = fx.callJson("bad-creds", fx.create(UUID.randomUUID().toString()));
      assertThat(reply.path("status").asText()).isEqualTo("FAILED");
      assertThat(reply.path("error").path("code").asText()).isEqualTo("TOKEN_UNAVAILABLE");
      assertThat(reply.path("error").path("message").asText()).doesNotContain("wrong-secret");
      assertThat(reply.path("attempts").asInt()).isZero();

      HttpResponse<String> ready = get(fx, "/health/ready");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body())
          .contains("\"status\":\"DOWN\"")
          .contains("\"notReadyBecause\":[\"PingOne auth: token request failed: 401\"]");
      assertThat(fx.apiRequests()).isEmpty();
    }
  }

  private HttpResponse<String> get(WorkerFixture fx, String path) throws Exception {
    URI uri = URI.create("http://localhost:" + fx.worker.metricsPort() + path);
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}
