package dev.pairingworker.simulator;

import static dev.pairingworker.simulator.SimClient.ENV;
import static dev.pairingworker.simulator.SimClient.json;
import static dev.pairingworker.simulator.SimClient.newId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PairingKeyApiTest {
  private static final Instant START = Instant.parse("2026-11-29T10:15:30Z");
  private static final String NOT_FOUND_MESSAGE =
      "The request could not be completed. The requested resource was not found.";

  private final MutableClock clock = new MutableClock(START);
  private PingOneSimulator sim;
  private SimClient client;
  private String token;
  private final String user = newId();

  @BeforeEach
  void start() throws Exception {
    sim = PingOneSimulator.start(SimulatorSettings.defaults().withClock(clock));
    client = new SimClient(sim);
    token = client.accessToken();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void aCreatedKeyCanBeReadThenDeletedAndIsThenNotFound() throws Exception {
    HttpResponse<String> created = client.create(user, token, "{}");
    assertThat(created.statusCode()).isEqualTo(201);
    String keyId = json(created).get("id").asText();

    HttpResponse<String> read = client.get(user, keyId, token);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(json(read)).isEqualTo(json(created));

    HttpResponse<String> deleted = client.delete(user, keyId, token);
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();

    HttpResponse<String> gone = client.get(user, keyId, token);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(json(gone).get("code").asText()).isEqualTo("NOT_FOUND");
    assertThat(json(gone).get("message").asText()).isEqualTo(NOT_FOUND_MESSAGE);
    assertThat(json(gone).get("id").asText()).matches(Ids.ALLOWED_PATTERN);
    assertThat(json(gone).has("details")).isFalse();
  }

  @Test
  void theResourceHasPingOnesShape() throws Exception {
    String app = newId();
    String policy = newId();
    sim.seed(
        TenantSeed.empty()
            .with(
                EnvironmentSeed.of(ENV)
                    .withApplication(ApplicationSeed.nativeApp(app))
                    .withPolicy(PolicySeed.numericDefault(policy, Duration.ofMinutes(10)))));
    HttpResponse<String> created =
        client.create(
            user,
            token,
            "{\"applications\":[{\"id\":\"" + app + "\"}],\"policy\":{\"id\":\"" + policy + "\"}}");

    JsonNode key = json(created);
    String keyId = key.get("id").asText();
    String userHref = sim.apiBaseUrl() + "/environments/" + ENV + "/users/" + user;
    assertThat(created.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(key.get("_links").get("self").get("href").asText())
        .isEqualTo(userHref + "/pairingKeys/" + keyId);
    assertThat(key.get("_links").get("environment").get("href").asText())
        .isEqualTo(sim.apiBaseUrl() + "/environments/" + ENV);
    assertThat(key.get("_links").get("user").get("href").asText()).isEqualTo(userHref);
    assertThat(keyId).matches(Ids.ALLOWED_PATTERN);
    assertThat(key.get("environment").get("id").asText()).isEqualTo(ENV);
    assertThat(key.get("user").get("id").asText()).isEqualTo(user);
    assertThat(key.get("code").asText()).matches("\\d{12}");
    assertThat(key.get("status").asText()).isEqualTo("UNCLAIMED");
    assertThat(key.get("applications").get(0).get("id").asText()).isEqualTo(app);
    assertThat(key.get("applications")).hasSize(1);
    assertThat(key.get("createdAt").asText()).isEqualTo("2026-11-29T10:15:30.000Z");
    assertThat(key.get("updatedAt").asText()).isEqualTo("2026-11-29T10:15:30.000Z");
    assertThat(key.get("expiresAt").asText()).isEqualTo("2026-11-29T10:25:30.000Z");
    assertThat(key.size()).isEqualTo(10);
  }

  @Test
  void timestampsKeepExactlyThreeFractionDigits() throws Exception {
    clock.advance(Duration.ofNanos(123_456_789));

    JsonNode key = json(client.create(user, token, "{}"));

    assertThat(key.get("createdAt").asText()).isEqualTo("2026-11-29T10:15:30.123Z");
    assertThat(key.get("expiresAt").asText()).isEqualTo("2026-11-29T10:25:30.123Z");
  }

  @Test
  void aCreateWithoutBodyHasNoApplications() throws Exception {
    HttpResponse<String> created =
        client.send(client.api(client.keys(user), token).POST(BodyPublishers.noBody()));

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(json(created).get("applications")).isEmpty();
  }

  @Test
  void anExpiredKeyIsNotFound() throws Exception {
    String keyId = json(client.create(user, token, "{}")).get("id").asText();

    clock.advance(Duration.ofMinutes(10));

    assertThat(client.get(user, keyId, token).statusCode()).isEqualTo(404);
    assertThat(sim.validKeyCount(ENV, user)).isZero();
  }

  @Test
  void deleteOfUnknownKeyIsNotFound() throws Exception {
    HttpResponse<String> response = client.delete(user, newId(), token);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("code").asText()).isEqualTo("NOT_FOUND");
  }

  @Test
  void aKeyBelongsToItsUser() throws Exception {
    String keyId = json(client.create(user, token, "{}")).get("id").asText();

    assertThat(client.get(newId(), keyId, token).statusCode()).isEqualTo(404);
  }

  @Test
  void theTwentyFirstValidKeyIsRefusedWithSizeLimitExceeded() throws Exception {
    for (int i = 0; i < 20; i++) {
      assertThat(client.create(user, token, "{}").statusCode()).isEqualTo(201);
    }

    HttpResponse<String> refused = client.create(user, token, "{}");

    assertThat(refused.statusCode()).isEqualTo(400);
    JsonNode body = json(refused);
    assertThat(body.get("code").asText()).isEqualTo("INVALID_DATA");
    assertThat(body.get("details").get(0).get("code").asText()).isEqualTo("SIZE_LIMIT_EXCEEDED");
    assertThat(sim.validKeyCount(ENV, user)).isEqualTo(20);
  }

  @Test
  void expiredKeysDoNotCountTowardsTheLimit() throws Exception {
    for (int i = 0; i < 20; i++) {
      client.create(user, token, "{}");
    }
    clock.advance(Duration.ofMinutes(10));

    assertThat(client.create(user, token, "{}").statusCode()).isEqualTo(201);
    assertThat(sim.validKeyCount(ENV, user)).isEqualTo(1);
  }

  @Test
  void nonUuidPathIdsAreAnInvalidRequest() throws Exception {
    String upperCaseUser = newId().toUpperCase(java.util.Locale.ROOT);
    URI badKey = URI.create(client.keys(user) + "/..%2Fusers");

    HttpResponse<String> badUser = client.create(upperCaseUser, token, "{}");
    HttpResponse<String> badKeyId = client.send(client.api(badKey, token).GET());

    assertThat(badUser.statusCode()).isEqualTo(400);
    assertThat(json(badUser).get("code").asText()).isEqualTo("INVALID_REQUEST");
    assertThat(json(badUser).get("details").get(0).get("target").asText()).isEqualTo("userId");
    assertThat(badKeyId.statusCode()).isEqualTo(400);
    assertThat(json(badKeyId).get("details").get(0).get("target").asText())
        .isEqualTo("pairingKeyId");
  }

  @Test
  void nonUuidApplicationIdsAreInvalidData() throws Exception {
    HttpResponse<String> response =
        client.create(
            user, token, "{\"applications\":[{\"id\":\"" + newId() + "\"},{\"id\":\"x\"}]}");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = json(response);
    assertThat(body.get("code").asText()).isEqualTo("INVALID_DATA");
    assertThat(body.get("message").asText())
        .isEqualTo(
            "The request could not be completed. One or more validation errors were in the"
                + " request.");
    JsonNode detail = body.get("details").get(0);
    assertThat(detail.get("code").asText()).isEqualTo("INVALID_VALUE");
    assertThat(detail.get("target").asText()).isEqualTo("applications[1].id");
    assertThat(detail.get("innerError").get("allowedPattern").asText())
        .isEqualTo(Ids.ALLOWED_PATTERN);
  }

  @Test
  void malformedJsonIsInvalidData() throws Exception {
    HttpResponse<String> response = client.create(user, token, "{\"applications\":");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("code").asText()).isEqualTo("INVALID_DATA");
    assertThat(json(response).get("details").get(0).get("code").asText())
        .isEqualTo("INVALID_VALUE");
  }

  @Test
  void aNonJsonContentTypeIsUnsupported() throws Exception {
    HttpResponse<String> response =
        client.send(
            client
                .api(client.keys(user), token)
                .header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString("{}")));

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(json(response).get("code").asText()).isEqualTo("INVALID_REQUEST");
  }

  @Test
  void aWrongMethodIsNotAllowed() throws Exception {
    HttpResponse<String> putOnKey =
        client.send(
            client.api(client.key(user, newId()), token).PUT(BodyPublishers.ofString("{}")));
    HttpResponse<String> getOnCollection = client.send(client.api(client.keys(user), token).GET());

    assertThat(putOnKey.statusCode()).isEqualTo(405);
    assertThat(putOnKey.headers().firstValue("Allow")).hasValue("GET, DELETE");
    assertThat(getOnCollection.statusCode()).isEqualTo(405);
  }

  @Test
  void anUnknownApiPathIsNotFound() throws Exception {
    URI devices =
        URI.create(sim.apiBaseUrl() + "/environments/" + ENV + "/users/" + user + "/devices");

    assertThat(client.send(client.api(devices, token).GET()).statusCode()).isEqualTo(404);
  }

  @Test
  void everyResponseCarriesAFreshCorrelationId() throws Exception {
    HttpResponse<String> created = client.create(user, token, "{}");
    HttpResponse<String> missing = client.get(user, newId(), token);
    HttpResponse<String> unauthorised = client.get(user, newId(), "nope");

    assertThat(created.headers().firstValue("Correlation-Id"))
        .get()
        .asString()
        .matches(Ids.ALLOWED_PATTERN);
    assertThat(missing.headers().firstValue("Correlation-Id")).isPresent();
    assertThat(unauthorised.headers().firstValue("Correlation-Id")).isPresent();
    assertThat(created.headers().firstValue("Correlation-Id"))
        .isNotEqualTo(missing.headers().firstValue("Correlation-Id"));
    assertThat(sim.requests())
        .extracting(RecordedRequest::correlationId)
        .contains(created.headers().firstValue("Correlation-Id").orElseThrow());
  }
}
