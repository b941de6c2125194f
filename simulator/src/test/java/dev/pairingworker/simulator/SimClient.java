package dev.pairingworker.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A plain java.net.http client for the simulator, as a user's test would write one. Made by {@link
 * #SimClient(PingOneSimulator)} it seeds {@link #ENV} and every user it addresses, for the tests
 * whose subject is not the strict tenant; {@link #unseeding} seeds nothing.
 */
final class SimClient {
  static final String ENV = "0c5a3b0e-1d2f-4e6a-8b7c-9d0e1f2a3b4c";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final PingOneSimulator sim;
  private final boolean seeding;

  SimClient(PingOneSimulator sim) {
    this(sim, true);
  }

  private SimClient(PingOneSimulator sim, boolean seeding) {
    this.sim = sim;
    this.seeding = seeding;
    if (seeding) {
      sim.addUsers(ENV, List.of());
    }
  }

  /** A client that leaves the tenant as seeded. */
  static SimClient unseeding(PingOneSimulator sim) {
    return new SimClient(sim, false);
  }

  static String newId() {
    return UUID.randomUUID().toString();
  }

  static String basic(String id, String secret) {
    byte[] raw = (id + ":" + secret).getBytes(StandardCharsets.UTF_8);
    return "Basic " + Base64.getEncoder().encodeToString(raw);
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return MAPPER.readTree(response.body());
  }

  HttpRequest.Builder tokenRequest(String form) {
    return HttpRequest.newBuilder(sim.tokenUrl(ENV))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(BodyPublishers.ofString(form));
  }

  /** A fresh access token, fetched with the default credentials by HTTP Basic. */
  String accessToken() throws IOException, InterruptedException {
    HttpResponse<String> response =
        send(
            tokenRequest("grant_type=client_credentials")
                .header("Authorization", basic("simulator-client", "simulator-secret")));
    return json(response).get("access_token").asText();
  }

  URI keys(String userId) {
    if (seeding && Ids.isValid(userId)) {
      sim.addUsers(ENV, List.of(userId));
    }
    return URI.create(
        sim.apiBaseUrl() + "/environments/" + ENV + "/users/" + userId + "/pairingKeys");
  }

  URI key(String userId, String keyId) {
    return URI.create(keys(userId) + "/" + keyId);
  }

  HttpRequest.Builder api(URI uri, String token) {
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(10))
        .header("Accept", "application/json")
        .header("Authorization", "Bearer " + token);
  }

  HttpResponse<String> create(String userId, String token, String body)
      throws IOException, InterruptedException {
    return send(
        api(keys(userId), token)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body)));
  }

  HttpResponse<String> get(String userId, String keyId, String token)
      throws IOException, InterruptedException {
    return send(api(key(userId, keyId), token).GET());
  }

  HttpResponse<String> delete(String userId, String keyId, String token)
      throws IOException, InterruptedException {
    return send(api(key(userId, keyId), token).DELETE());
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.build(), BodyHandlers.ofString());
  }
}
