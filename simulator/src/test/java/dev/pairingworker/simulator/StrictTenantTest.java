package dev.pairingworker.simulator;

import static dev.pairingworker.simulator.SimClient.ENV;
import static dev.pairingworker.simulator.SimClient.basic;
import static dev.pairingworker.simulator.SimClient.json;
import static dev.pairingworker.simulator.SimClient.newId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a strict tenant refuses, each in PingOne's error shape. */
class StrictTenantTest {
  private static final String OTHER_ENV = "1d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e5f6";
  private static final String USER = "2b3c4d5e-6f70-4a81-9b2c-3d4e5f6a7b8c";
  private static final String NATIVE = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";
  private static final String POLICY = "4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T08:00:00Z"));
  private PingOneSimulator sim;
  private SimClient client;
  private ApplicationSeed roleless;

  @BeforeEach
  void start() throws Exception {
    roleless = ApplicationSeed.worker("no-role", "no-role-secret").withMfaRole(false);
    TenantSeed seed =
        TenantSeed.empty()
            .with(
                EnvironmentSeed.of(ENV)
                    .withUsers(List.of(USER))
                    .withApplication(ApplicationSeed.nativeApp(NATIVE))
                    .withApplication(roleless)
                    .withPolicy(PolicySeed.numericDefault(POLICY, java.time.Duration.ofMinutes(5))))
            .withUsers(OTHER_ENV, List.of(USER));
    sim = PingOneSimulator.start(SimulatorSettings.defaults().withClock(clock).withSeed(seed));
    client = SimClient.unseeding(sim);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void anUnknownUserIsNotFound() throws Exception {
    HttpResponse<String> response = client.create(newId(), client.accessToken(), "{}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("code").asText()).isEqualTo("NOT_FOUND");
    assertThat(client.get(newId(), newId(), client.accessToken()).statusCode()).isEqualTo(404);
  }

  @Test
  void aSeededUserIsFound() throws Exception {
    assertThat(client.create(USER, client.accessToken(), "{}").statusCode()).isEqualTo(201);
  }

  @Test
  void aTokenOfAnotherEnvironmentIsForbidden() throws Exception {
    String otherToken = token(OTHER_ENV, "simulator-client", "simulator-secret");

    HttpResponse<String> response = client.create(USER, otherToken, "{}");

    assertForbidden(response);
  }

  @Test
  void anApplicationWithoutTheMfaRoleIsForbidden() throws Exception {
    String token = token(ENV, "no-role", "no-role-secret");

    assertForbidden(client.create(USER, token, "{}"));
    assertForbidden(client.get(USER, newId(), token));
  }

  @Test
  void unknownApplicationsWorkerApplicationsAndUnknownPoliciesAreInvalidData() throws Exception {
    String token = client.accessToken();

    assertInvalidValue(
        client.create(USER, token, "{\"applications\":[{\"id\":\"" + newId() + "\"}]}"),
        "applications[0].id");
    assertInvalidValue(
        client.create(
            USER,
            token,
            "{\"applications\":[{\"id\":\"" + NATIVE + "\"},{\"id\":\"" + roleless.id() + "\"}]}"),
        "applications[1].id");
    assertInvalidValue(
        client.create(USER, token, "{\"policy\":{\"id\":\"" + newId() + "\"}}"), "policy.id");
    assertThat(
            client
                .create(
                    USER,
                    token,
                    "{\"applications\":[{\"id\":\""
                        + NATIVE
                        + "\"}],\"policy\":{\"id\":\""
                        + POLICY
                        + "\"}}")
                .statusCode())
        .isEqualTo(201);
  }

  @Test
  void unknownFieldsAndUppercaseIdsAreInvalidData() throws Exception {
    String token = client.accessToken();

    assertInvalidValue(client.create(USER, token, "{\"expiresIn\":60}"), "expiresIn");
    assertInvalidValue(
        client.create(
            USER, token, "{\"applications\":[{\"id\":\"" + NATIVE + "\",\"name\":\"x\"}]}"),
        "applications[0].name");
    assertInvalidValue(
        client.create(
            USER, token, "{\"applications\":[{\"id\":\"" + NATIVE.toUpperCase() + "\"}]}"),
        "applications[0].id");
    assertInvalidValue(
        client.create(USER, token, "{\"policy\":{\"id\":\"" + POLICY.toUpperCase() + "\"}}"),
        "policy.id");
    assertThat(sim.validKeyCount(ENV, USER)).isZero();
  }

  @Test
  void aLenientTenantAcceptsAnyWellFormedEnvironmentUserAndField() throws Exception {
    sim.close();
    sim = PingOneSimulator.start(SimulatorSettings.defaults().withLenient(true));
    client = SimClient.unseeding(sim);
    String token = token(newId(), "simulator-client", "simulator-secret");

    HttpResponse<String> created =
        client.create(newId(), token, "{\"applications\":[{\"id\":\"" + newId() + "\"}],\"x\":1}");

    assertThat(created.statusCode()).isEqualTo(201);
  }

  private String token(String environmentId, String clientId, String secret) throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(sim.tokenUrl(environmentId))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic(clientId, secret))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
    assertThat(response.statusCode()).isEqualTo(200);
    return json(response).get("access_token").asText();
  }

  private static void assertForbidden(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).isEqualTo(403);
    JsonNode body = json(response);
    assertThat(body.get("code").asText()).isEqualTo("ACCESS_FAILED");
    assertThat(body.get("id").asText()).matches(Ids.ALLOWED_PATTERN);
    assertThat(body.get("message").asText()).isNotBlank();
    assertThat(body.get("details").get(0).get("code").asText())
        .isEqualTo("INSUFFICIENT_PERMISSIONS");
  }

  private static void assertInvalidValue(HttpResponse<String> response, String target)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode body = json(response);
    assertThat(body.get("code").asText()).isEqualTo("INVALID_DATA");
    assertThat(body.get("message").asText())
        .isEqualTo(
            "The request could not be completed. One or more validation errors were in the"
                + " request.");
    assertThat(body.get("details")).hasSize(1);
    assertThat(body.get("details").get(0).get("code").asText()).isEqualTo("INVALID_VALUE");
    assertThat(body.get("details").get(0).get("target").asText()).isEqualTo(target);
  }
}
