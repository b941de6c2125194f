package dev.pairingworker.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairingworker.command.Json;
import dev.pairingworker.simulator.LatencyModel;
import dev.pairingworker.simulator.PingOneSimulator;
import dev.pairingworker.simulator.SimulatorSettings;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ceiling without Kafka and without the worker: {@code concurrency} plain {@code java.net.http}
 * loops creating pairing keys on the simulator as fast as it answers. What the worker reaches is
 * compared with this.
 */
public final class RawHttpLoad {
  private static final String ENVIRONMENT = "5a1e0c2d-3b4f-4a6e-8d7c-9f0e1d2c3b4a";

  private RawHttpLoad() {}

  /** Prints requests/s for {@code requests} creates, after a warm-up of a tenth as many. */
  public static double run(int requests, int concurrency, Duration latency, PrintStream out)
      throws Exception {
    String user = UUID.randomUUID().toString();
    SimulatorSettings settings =
        SimulatorSettings.defaults()
            .withLatency(LatencyModel.fixed(latency))
            .withUsers(ENVIRONMENT, List.of(user));
    try (PingOneSimulator simulator = PingOneSimulator.start(settings)) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String token = token(http, simulator, settings);
      URI create =
          URI.create(
              simulator.apiBaseUrl()
                  + "/environments/"
                  + ENVIRONMENT
                  + "/users/"
                  + user
                  + "/pairingKeys");
      load(http, create, token, Math.max(concurrency, requests / 10), concurrency);
      long started = System.nanoTime();
      load(http, create, token, requests, concurrency);
      double seconds = (System.nanoTime() - started) / 1e9;
      double rate = requests / seconds;
      out.printf(
          "Plain HTTP load on the simulator: %d creates, %d concurrent, latency %d ms: %.1f requests/s%n",
          requests, concurrency, latency.toMillis(), rate);
      return rate;
    }
  }

  private static void load(
      HttpClient http, URI create, String token, int requests, int concurrency) {
    AtomicInteger left = new AtomicInteger(requests);
    CompletableFuture<?>[] loops = new CompletableFuture<?>[concurrency];
    for (int i = 0; i < concurrency; i++) {
      loops[i] = loop(http, create, token, left);
    }
    CompletableFuture.allOf(loops).join();
  }

  private static CompletableFuture<Void> loop(
      HttpClient http, URI create, String token, AtomicInteger left) {
    if (left.getAndDecrement() <= 0) {
      return CompletableFuture.completedFuture(null);
    }
    HttpRequest request =
        HttpRequest.newBuilder(create)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
        .thenCompose(response -> loop(http, create, token, left));
  }

  private static String token(HttpClient http, PingOneSimulator simulator, SimulatorSettings s)
      throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (s.clientId() + ":" + s.clientSecret()).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(simulator.tokenUrl(ENVIRONMENT))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();
    ObjectMapper json = Json.mapper();
    byte[] body = http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
    return json.readTree(body).path("access_token").asText();
  }
}
