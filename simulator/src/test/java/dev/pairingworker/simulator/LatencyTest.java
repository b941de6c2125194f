package dev.pairingworker.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LatencyTest {
  private PingOneSimulator sim;
  private SimClient client;

  @BeforeEach
  void start() throws Exception {
    sim = PingOneSimulator.start(SimulatorSettings.defaults());
    client = new SimClient(sim);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void latencyDelaysEveryResponse() throws Exception {
    String token = client.accessToken();
    sim.setLatency(LatencyModel.fixed(Duration.ofMillis(200)));

    long start = System.nanoTime();
    HttpResponse<String> response = client.get(SimClient.newId(), SimClient.newId(), token);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(200));
  }

  @Test
  void latencyDoesNotSerializeConcurrentRequests() throws Exception {
    String token = client.accessToken();
    sim.setLatency(LatencyModel.fixed(Duration.ofMillis(100)));
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();

    long start = System.nanoTime();
    for (int i = 0; i < 200; i++) {
      String user = SimClient.newId();
      responses.add(
          client.http.sendAsync(
              client.api(client.key(user, SimClient.newId()), token).GET().build(),
              BodyHandlers.ofString()));
    }
    CompletableFuture.allOf(responses.toArray(CompletableFuture<?>[]::new))
        .get(10, TimeUnit.SECONDS);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    // Serialised on 4 server threads this would take at least 200 * 100 ms / 4 = 5 s.
    assertThat(elapsed).isBetween(Duration.ofMillis(100), Duration.ofSeconds(3));
    assertThat(responses)
        .allSatisfy(response -> assertThat(response.join().statusCode()).isEqualTo(404));
    assertThat(sim.requests()).hasSize(201);
  }

  @Test
  void closeDropsDelayedResponsesPromptly() throws Exception {
    String token = client.accessToken();
    sim.setLatency(LatencyModel.fixed(Duration.ofMinutes(5)));
    CompletableFuture<HttpResponse<String>> pending =
        client.http.sendAsync(
            client.api(client.key(SimClient.newId(), SimClient.newId()), token).GET().build(),
            BodyHandlers.ofString());
    await().atMost(Duration.ofSeconds(5)).until(() -> sim.requests().size() == 2);

    long start = System.nanoTime();
    sim.close();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    await().atMost(Duration.ofSeconds(5)).until(pending::isDone);
    assertThat(pending).isCompletedExceptionally();
  }
}
