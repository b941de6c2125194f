package dev.pairingworker.simulator;

import static dev.pairingworker.simulator.SimClient.ENV;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConcurrentCreateTest {
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
  void concurrentCreatesForOneUserNeverExceedTheLimit() throws Exception {
    String token = client.accessToken();
    String user = SimClient.newId();
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();

    for (int i = 0; i < 60; i++) {
      responses.add(
          client.http.sendAsync(
              client
                  .api(client.keys(user), token)
                  .header("Content-Type", "application/json")
                  .POST(BodyPublishers.ofString("{}"))
                  .build(),
              BodyHandlers.ofString()));
    }
    CompletableFuture.allOf(responses.toArray(CompletableFuture<?>[]::new))
        .get(10, TimeUnit.SECONDS);

    assertThat(responses)
        .extracting(response -> response.join().statusCode())
        .containsOnly(201, 400)
        .filteredOn(status -> status == 201)
        .hasSize(20);
    assertThat(sim.validKeyCount(ENV, user)).isEqualTo(20);
  }
}
