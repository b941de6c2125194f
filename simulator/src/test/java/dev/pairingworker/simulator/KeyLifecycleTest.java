package dev.pairingworker.simulator;

import static dev.pairingworker.simulator.SimClient.ENV;
import static dev.pairingworker.simulator.SimClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Codes and lifetimes per policy, claiming, expiry and the admin endpoints. */
class KeyLifecycleTest {
  private static final String USER = "2b3c4d5e-6f70-4a81-9b2c-3d4e5f6a7b8c";
  private static final String ALPHANUMERIC = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";
  private static final String NUMERIC = "6f7a8b9c-0d1e-4f2a-9b3c-4d5e6f7a8b9c";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T08:00:00Z"));
  private PingOneSimulator sim;
  private SimClient client;

  private void start(SimulatorSettings settings) throws Exception {
    EnvironmentSeed environment =
        EnvironmentSeed.of(ENV)
            .withUsers(List.of(USER))
            .withPolicy(
                new PolicySeed(NUMERIC, PairingKeyFormat.NUMERIC, Duration.ofMinutes(2), true))
            .withPolicy(
                new PolicySeed(
                    ALPHANUMERIC, PairingKeyFormat.ALPHANUMERIC, Duration.ofHours(48), false));
    sim =
        PingOneSimulator.start(
            settings.withClock(clock).withSeed(TenantSeed.empty().with(environment)));
    client = SimClient.unseeding(sim);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void theCodeAndTheLifetimeFollowThePolicy() throws Exception {
    start(SimulatorSettings.defaults());
    String token = client.accessToken();

    JsonNode byDefault = json(client.create(USER, token, "{}"));
    JsonNode alphanumeric =
        json(client.create(USER, token, "{\"policy\":{\"id\":\"" + ALPHANUMERIC + "\"}}"));

    assertThat(byDefault.get("code").asText()).matches("[0-9]{12}");
    assertThat(byDefault.get("expiresAt").asText()).isEqualTo("2026-12-03T08:02:00.000Z");
    assertThat(alphanumeric.get("code").asText()).matches("[A-Z0-9]{16}");
    assertThat(alphanumeric.get("expiresAt").asText()).isEqualTo("2026-12-05T08:00:00.000Z");
  }

  @Test
  void anUnclaimedKeyExpiresAfterItsPolicysLifetime() throws Exception {
    start(SimulatorSettings.defaults());
    String token = client.accessToken();
    String keyId = json(client.create(USER, token, "{}")).get("id").asText();

    clock.advance(Duration.ofMinutes(2).minusMillis(1));
    assertThat(client.get(USER, keyId, token).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofMillis(1));
    assertThat(client.get(USER, keyId, token).statusCode()).isEqualTo(404);
    assertThat(client.delete(USER, keyId, token).statusCode()).isEqualTo(404);
  }

  @Test
  void anExpiredKeyCanReadAsTheStaleResourceInstead() throws Exception {
    start(SimulatorSettings.defaults().withExpiredKeyRead(ExpiredKeyRead.STALE_RESOURCE));
    String token = client.accessToken();
    String keyId = json(client.create(USER, token, "{}")).get("id").asText();

    clock.advance(Duration.ofMinutes(3));
    HttpResponse<String> read = client.get(USER, keyId, token);

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(json(read).get("status").asText()).isEqualTo("UNCLAIMED");
    assertThat(sim.validKeyCount(ENV, USER)).isZero();
    assertThat(client.delete(USER, keyId, token).statusCode()).isEqualTo(204);
  }

  @Test
  void aClaimedKeyReadsClaimedNeverExpiresAndLeavesTheLimit() throws Exception {
    start(SimulatorSettings.defaults());
    String token = client.accessToken();
    String keyId = json(client.create(USER, token, "{}")).get("id").asText();

    assertThat(sim.claim(ENV, USER, keyId)).isTrue();
    clock.advance(Duration.ofHours(1));

    JsonNode read = json(client.get(USER, keyId, client.accessToken()));
    assertThat(read.get("status").asText()).isEqualTo("CLAIMED");
    assertThat(read.get("updatedAt").asText()).isEqualTo("2026-12-03T08:00:00.000Z");
    assertThat(sim.validKeyCount(ENV, USER)).isZero();
    assertThat(sim.claim(ENV, USER, keyId)).isFalse();
  }

  @Test
  void theAdminEndpointClaimsAsADeviceWouldAndIsNotRecorded() throws Exception {
    start(SimulatorSettings.defaults());
    String token = client.accessToken();
    String keyId = json(client.create(USER, token, "{}")).get("id").asText();
    int recorded = sim.requests().size();
    String path = "/admin/environments/" + ENV + "/users/" + USER + "/pairingKeys/" + keyId;

    HttpResponse<String> claimed = admin(path + "/claim", "");
    HttpResponse<String> again = admin(path + "/claim", "");

    assertThat(claimed.statusCode()).isEqualTo(200);
    assertThat(json(claimed).get("status").asText()).isEqualTo("CLAIMED");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(admin(path.replace(keyId, SimClient.newId()) + "/claim", "").statusCode())
        .isEqualTo(404);
    assertThat(sim.requests()).hasSize(recorded);
  }

  @Test
  void theAdminEndpointAddsUsersAndSeeds() throws Exception {
    start(SimulatorSettings.defaults());
    String newUser = SimClient.newId();
    String token = client.accessToken();
    assertThat(client.create(newUser, token, "{}").statusCode()).isEqualTo(404);

    HttpResponse<String> added =
        admin("/admin/environments/" + ENV + "/users", "{\"id\":\"" + newUser + "\"}");
    String otherUser = SimClient.newId();
    HttpResponse<String> seeded =
        admin(
            "/admin/seed",
            "{\"environments\":[{\"id\":\"" + ENV + "\",\"users\":[\"" + otherUser + "\"]}]}");

    assertThat(added.statusCode()).isEqualTo(204);
    assertThat(seeded.statusCode()).isEqualTo(204);
    assertThat(client.create(newUser, token, "{}").statusCode()).isEqualTo(201);
    assertThat(client.create(otherUser, token, "{}").statusCode()).isEqualTo(201);
    HttpResponse<String> bad = admin("/admin/environments/" + ENV + "/users", "{\"id\":\"X\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).get("code").asText()).isEqualTo("INVALID_DATA");
  }

  @Test
  void gatewayErrorsCanComeAsAProxysHtmlPage() throws Exception {
    start(
        SimulatorSettings.defaults()
            .withFaults(
                FaultSettings.none()
                    .withProbability(Fault.UNAVAILABLE_RETRY_AFTER, 1)
                    .withRetryAfterSeconds(2)
                    .withHtmlGatewayErrors(true)));

    HttpResponse<String> response = client.create(USER, client.accessToken(), "{}");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html");
    assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(response.body())
        .startsWith("<html>")
        .contains("503 Service Temporarily Unavailable");
  }

  private HttpResponse<String> admin(String path, String body) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(sim.authBaseUrl() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
