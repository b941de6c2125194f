package dev.pairingworker.simulator;

import static dev.pairingworker.simulator.SimClient.json;
import static dev.pairingworker.simulator.SimClient.newId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RateLimitTest {
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

  private final MutableClock clock = new MutableClock(NOW);
  private PingOneSimulator sim;
  private SimClient client;
  private String token;

  @BeforeEach
  void start() throws Exception {
    sim =
        PingOneSimulator.start(
            SimulatorSettings.defaults()
                .withClock(clock)
                .withFaults(FaultSettings.none().withRateLimitPerSecond(2)));
    client = new SimClient(sim);
    token = client.accessToken();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private int read() throws Exception {
    return client.get(newId(), newId(), token).statusCode();
  }

  private List<Integer> reads(int count) throws Exception {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      statuses.add(read());
    }
    return statuses;
  }

  @Test
  void requestsBeyondTheLimitGet429WithRetryAfterAndPingOnesBody() throws Exception {
    assertThat(reads(2)).containsExactly(404, 404);
    clock.advance(Duration.ofMillis(300));

    HttpResponse<String> refused = client.get(newId(), newId(), token);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
    JsonNode body = json(refused);
    assertThat(body.get("code").asText()).isEqualTo("REQUEST_LIMITED");
    JsonNode detail = body.get("details").get(0);
    assertThat(detail.get("code").asText()).isEqualTo("LIMIT_EXCEEDED");
    assertThat(detail.get("message").asText()).isNotBlank();
    assertThat(detail.get("innerError").get("retryAfter").asInt()).isEqualTo(1);
  }

  @Test
  void theLimitRecoversWhenTheClockMovesOnASecond() throws Exception {
    assertThat(reads(3)).containsExactly(404, 404, 429);

    clock.advance(Duration.ofSeconds(1));

    assertThat(reads(3)).containsExactly(404, 404, 429);
  }

  @Test
  void refusedRequestsDoNotUseUpCapacity() throws Exception {
    assertThat(reads(2)).containsExactly(404, 404);
    clock.advance(Duration.ofMillis(500));
    assertThat(reads(5)).containsOnly(429);

    clock.advance(Duration.ofMillis(500));

    assertThat(reads(3)).containsExactly(404, 404, 429);
  }

  @Test
  void theRetryAfterSentIsRecordedWithTheRequest() throws Exception {
    reads(3);

    RecordedRequest refused = sim.requests().get(3);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(refused.retryNotBefore()).isEqualTo(NOW.plusSeconds(1));
    assertThat(sim.requests().get(1).retryAfter()).isNull();
    assertThat(sim.stats().rateLimited()).isEqualTo(1);
  }

  @Test
  void theTokenEndpointIsNotLimitedUnlessIncluded() throws Exception {
    reads(2);

    client.accessToken();
    sim.setFaults(sim.faults().withTokenEndpoint(true));

    assertThat(client.send(client.tokenRequest("grant_type=client_credentials")).statusCode())
        .isEqualTo(429);
    assertThat(sim.requests()).extracting(RecordedRequest::status).startsWith(200, 404, 404, 200);
  }

  @Test
  void aLimitSetAtRuntimeAppliesToTheNextRequest() throws Exception {
    sim.setFaults(FaultSettings.none());
    assertThat(reads(5)).containsOnly(404);

    sim.setFaults(FaultSettings.none().withRateLimitPerSecond(1));

    assertThat(reads(2)).containsExactly(404, 429);
  }

  @Test
  void concurrentRequestsAreAdmittedExactlyUpToTheLimit() throws Exception {
    sim.setFaults(FaultSettings.none().withRateLimitPerSecond(30));
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();

    for (int i = 0; i < 100; i++) {
      responses.add(
          client.http.sendAsync(
              client.api(client.key(newId(), newId()), token).GET().build(),
              BodyHandlers.ofString()));
    }
    CompletableFuture.allOf(responses.toArray(CompletableFuture<?>[]::new))
        .get(10, TimeUnit.SECONDS);

    assertThat(responses)
        .extracting(response -> response.join().statusCode())
        .containsOnly(404, 429)
        .filteredOn(status -> status == 404)
        .hasSize(30);
  }
}
