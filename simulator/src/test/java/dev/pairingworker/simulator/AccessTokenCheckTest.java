package dev.pairingworker.simulator;

import static dev.pairingworker.simulator.SimClient.json;
import static dev.pairingworker.simulator.SimClient.newId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessTokenCheckTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
  private PingOneSimulator sim;
  private SimClient client;
  private final String user = newId();

  @BeforeEach
  void start() throws Exception {
    sim = PingOneSimulator.start(SimulatorSettings.defaults().withClock(clock));
    client = new SimClient(sim);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void aMissingTokenIsAccessFailedInvalidToken() throws Exception {
    HttpResponse<String> response =
        client.send(HttpRequest.newBuilder(client.key(user, newId())).GET());

    assertInvalidToken(response);
    assertThat(sim.requests().get(0).token()).isEqualTo(TokenState.NONE);
  }

  @Test
  void anUnknownTokenIsAccessFailedInvalidToken() throws Exception {
    assertInvalidToken(client.get(user, newId(), "forged.token.value"));
    assertThat(sim.requests().get(0).token()).isEqualTo(TokenState.UNKNOWN);
  }

  @Test
  void aTokenExpiredOnDemandIsRefusedAndANewOneWorks() throws Exception {
    String old = client.accessToken();
    assertThat(client.create(user, old, "{}").statusCode()).isEqualTo(201);

    sim.expireAllTokens();

    assertInvalidToken(client.create(user, old, "{}"));
    assertThat(client.create(user, client.accessToken(), "{}").statusCode()).isEqualTo(201);
    assertThat(sim.requests())
        .filteredOn(request -> !request.isTokenRequest())
        .extracting(RecordedRequest::token)
        .containsExactly(TokenState.VALID, TokenState.EXPIRED, TokenState.VALID);
  }

  @Test
  void aTokenExpiresWhenItsLifetimeHasPassed() throws Exception {
    String token = client.accessToken();
    clock.advance(Duration.ofMinutes(59));
    assertThat(client.create(user, token, "{}").statusCode()).isEqualTo(201);

    clock.advance(Duration.ofMinutes(1));

    assertInvalidToken(client.create(user, token, "{}"));
    assertThat(sim.requests().get(sim.requests().size() - 1).token()).isEqualTo(TokenState.EXPIRED);
  }

  @Test
  void theTokenIsCheckedBeforeAnythingElse() throws Exception {
    assertInvalidToken(client.get("not-a-uuid", "nor-this", "forged"));
  }

  private static void assertInvalidToken(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).isEqualTo(401);
    JsonNode body = json(response);
    assertThat(body.get("code").asText()).isEqualTo("ACCESS_FAILED");
    assertThat(body.get("message").asText()).startsWith("The request could not be completed.");
    assertThat(body.get("details").get(0).get("code").asText()).isEqualTo("INVALID_TOKEN");
  }
}
