package dev.pairingworker.simulator;

import static dev.pairingworker.simulator.SimClient.json;
import static dev.pairingworker.simulator.SimClient.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplicationLagTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:15:30Z"));
  private PingOneSimulator sim;
  private SimClient client;
  private String token;
  private final String user = newId();

  @BeforeEach
  void start() throws Exception {
    sim = PingOneSimulator.start(SimulatorSettings.defaults().withClock(clock));
    sim.setReplicationLag(Duration.ofMillis(500));
    client = new SimClient(sim);
    token = client.accessToken();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void aNewKeyIsNotFoundByReadsAndDeletesUntilTheLagHasPassed() throws Exception {
    String keyId = json(client.create(user, token, "{}")).get("id").asText();

    clock.advance(Duration.ofMillis(499));
    assertThat(client.get(user, keyId, token).statusCode()).isEqualTo(404);
    assertThat(client.delete(user, keyId, token).statusCode()).isEqualTo(404);
    assertThat(sim.validKeyCount(SimClient.ENV, user))
        .as("the delete of a key not visible yet removed nothing")
        .isEqualTo(1);

    clock.advance(Duration.ofMillis(1));
    assertThat(client.get(user, keyId, token).statusCode()).isEqualTo(200);
    assertThat(client.delete(user, keyId, token).statusCode()).isEqualTo(204);
    assertThat(client.get(user, keyId, token).statusCode()).isEqualTo(404);
  }

  @Test
  void aZeroLagShowsAKeyAtOnceAndANegativeLagIsRefused() throws Exception {
    sim.setReplicationLag(Duration.ZERO);
    String keyId = json(client.create(user, token, "{}")).get("id").asText();
    assertThat(client.get(user, keyId, token).statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> sim.setReplicationLag(Duration.ofMillis(-1)))
        .hasMessage("replication lag must not be negative: PT-0.001S");
  }
}
