package dev.pairingworker.simulator;

import static dev.pairingworker.simulator.SimClient.ENV;
import static dev.pairingworker.simulator.SimClient.basic;
import static dev.pairingworker.simulator.SimClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenEndpointTest {
  private PingOneSimulator sim;
  private SimClient client;

  @BeforeEach
  void start() throws Exception {
    sim =
        PingOneSimulator.start(
            SimulatorSettings.defaults().withTokenLifetime(Duration.ofMinutes(30)));
    client = new SimClient(sim);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void clientCredentialsByBasicAuthGetABearerToken() throws Exception {
    HttpResponse<String> response =
        client.send(
            client
                .tokenRequest("grant_type=client_credentials")
                .header("Authorization", basic("simulator-client", "simulator-secret")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    JsonNode body = json(response);
    assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.get("expires_in").asLong()).isEqualTo(1800);
    assertThat(body.get("access_token").asText()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
  }

  @Test
  void clientCredentialsInThePostBodyGetABearerTokenForAClientSecretPostApplication()
      throws Exception {
    sim.seed(
        TenantSeed.empty()
            .with(
                EnvironmentSeed.of(SimClient.ENV)
                    .withApplication(
                        ApplicationSeed.worker("simulator-client", "simulator-secret")
                            .withAuthMethod(SeededAuthMethod.CLIENT_SECRET_POST, null))));
    HttpResponse<String> response =
        client.send(
            client.tokenRequest(
                "grant_type=client_credentials&client_id=simulator-client"
                    + "&client_secret=simulator-secret"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("access_token").asText()).isNotBlank();
  }

  @Test
  void everyTokenIsDifferent() throws Exception {
    assertThat(client.accessToken()).isNotEqualTo(client.accessToken());
  }

  @Test
  void aWrongSecretIsInvalidClient() throws Exception {
    HttpResponse<String> response =
        client.send(
            client
                .tokenRequest("grant_type=client_credentials")
                .header("Authorization", basic("simulator-client", "wrong")));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).get("error").asText()).isEqualTo("invalid_client");
    assertThat(json(response).get("error_description").asText()).isNotBlank();
  }

  @Test
  void aWrongClientIdInThePostBodyIsInvalidClient() throws Exception {
    HttpResponse<String> response =
        client.send(
            client.tokenRequest(
                "grant_type=client_credentials&client_id=other&client_secret=simulator-secret"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).get("error").asText()).isEqualTo("invalid_client");
  }

  @Test
  void missingCredentialsAreInvalidClient() throws Exception {
    HttpResponse<String> response =
        client.send(client.tokenRequest("grant_type=client_credentials"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).get("error").asText()).isEqualTo("invalid_client");
  }

  @Test
  void anotherGrantTypeIsUnsupported() throws Exception {
    HttpResponse<String> response =
        client.send(
            client
                .tokenRequest("grant_type=password&username=a&password=b")
                .header("Authorization", basic("simulator-client", "simulator-secret")));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").asText()).isEqualTo("unsupported_grant_type");
  }

  @Test
  void aNonUuidEnvironmentIsAnInvalidRequest() throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(sim.authBaseUrl() + "/not-an-env/as/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Authorization", basic("simulator-client", "simulator-secret"))
            .POST(BodyPublishers.ofString("grant_type=client_credentials"));

    HttpResponse<String> response = client.send(request);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").asText()).isEqualTo("invalid_request");
  }

  @Test
  void getOnTheTokenEndpointIsMethodNotAllowed() throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(sim.tokenUrl(ENV)).GET());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("POST");
  }

  @Test
  void theTokenUrlIsUnderTheAuthBase() {
    assertThat(sim.tokenUrl(ENV))
        .isEqualTo(URI.create("http://127.0.0.1:" + sim.port() + "/" + ENV + "/as/token"));
    assertThat(sim.apiBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:" + sim.port() + "/v1"));
  }

  @Test
  void aDefaultHttpClientThatOffersHttp2IsAnsweredOverHttp1() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                client
                    .tokenRequest("grant_type=client_credentials")
                    .header("Authorization", basic("simulator-client", "simulator-secret"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
  }
}
