package dev.pairingworker.simulator;

import static dev.pairingworker.simulator.SimClient.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutageTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
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

  private HttpResponse<String> read() throws Exception {
    return client.get(user, newId(), token);
  }

  @Test
  void anOutageFailsEveryRequestUntilTheClockPassesItsEnd() throws Exception {
    sim.startOutage(Duration.ofSeconds(20), 503);

    HttpResponse<String> first = read();
    clock.advance(Duration.ofMillis(19_500));
    HttpResponse<String> last = read();
    clock.advance(Duration.ofMillis(500));

    assertThat(first.statusCode()).isEqualTo(503);
    assertThat(first.headers().firstValue("Retry-After")).hasValue("20");
    assertThat(last.statusCode()).isEqualTo(503);
    assertThat(last.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(sim.inOutage()).isFalse();
    assertThat(read().statusCode()).isEqualTo(404);
  }

  @Test
  void anOutageCanEndEarly() throws Exception {
    sim.startOutage(Duration.ofMinutes(5), 500);
    assertThat(read().statusCode()).isEqualTo(500);

    sim.endOutage();

    assertThat(sim.inOutage()).isFalse();
    assertThat(read().statusCode()).isEqualTo(404);
  }

  @Test
  void anOutageCanResetConnections() {
    sim.startOutage(Duration.ofSeconds(10), RecordedRequest.CONNECTION_RESET);

    assertThatThrownBy(() -> client.create(user, token, "{}")).isInstanceOf(IOException.class);
  }

  @Test
  void theTokenEndpointStaysUpUnlessIncluded() throws Exception {
    sim.startOutage(Duration.ofSeconds(10), 503);
    client.accessToken();

    sim.setFaults(FaultSettings.none().withTokenEndpoint(true));

    assertThat(client.send(client.tokenRequest("grant_type=client_credentials")).statusCode())
        .isEqualTo(503);
  }

  @Test
  void onlyResetsAndServerErrorsMakeAnOutage() {
    assertThatThrownBy(() -> sim.startOutage(Duration.ofSeconds(1), 404))
        .hasMessage("outage status must be 0 (connection reset), 500, 502, 503 or 504: 404");
    assertThatThrownBy(() -> sim.startOutage(Duration.ZERO, 503))
        .hasMessage("outage length must be positive: PT0S");
  }
}
