package dev.pairingworker.simulator;

import static dev.pairingworker.simulator.SimClient.ENV;
import static dev.pairingworker.simulator.SimClient.json;
import static dev.pairingworker.simulator.SimClient.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RandomFaultsTest {
  private PingOneSimulator sim;
  private SimClient client;
  private String token;
  private final String user = newId();

  @BeforeEach
  void start() throws Exception {
    sim = PingOneSimulator.start(SimulatorSettings.defaults());
    client = new SimClient(sim);
    token = client.accessToken();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private static FaultSettings always(Fault fault) {
    return FaultSettings.none().withProbability(fault, 1);
  }

  @Test
  void withAFixedSeedEachFaultTakesRoughlyItsShare() throws Exception {
    sim.setFaults(
        FaultSettings.none()
            .withProbability(Fault.INTERNAL_ERROR, 0.10)
            .withProbability(Fault.BAD_GATEWAY, 0.05)
            .withProbability(Fault.UNAVAILABLE, 0.10)
            .withProbability(Fault.UNAVAILABLE_RETRY_AFTER, 0.05)
            .withProbability(Fault.GATEWAY_TIMEOUT, 0.05)
            .withSeed(42));

    for (int i = 0; i < 2_000; i++) {
      client.get(user, newId(), token);
    }

    SimulatorStats stats = sim.stats();
    assertThat(stats.count(500)).isBetween(140L, 260L);
    assertThat(stats.count(502)).isBetween(60L, 140L);
    assertThat(stats.count(503)).isBetween(220L, 380L);
    assertThat(stats.count(504)).isBetween(60L, 140L);
    assertThat(stats.count(404)).isBetween(1_000L, 1_400L);
    assertThat(stats.total()).isEqualTo(2_001);
  }

  @Test
  void theSameSeedGivesTheSameFaults() throws Exception {
    FaultSettings faults =
        FaultSettings.none().withProbability(Fault.INTERNAL_ERROR, 0.5).withSeed(7);
    sim.setFaults(faults);
    List<Integer> first = reads(40);

    sim.setFaults(faults);

    assertThat(reads(40)).isEqualTo(first).contains(500, 404);
  }

  private List<Integer> reads(int count) throws Exception {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      statuses.add(client.get(user, newId(), token).statusCode());
    }
    return statuses;
  }

  @Test
  void a503CarriesRetryAfterOnlyWhenThatFaultIsChosen() throws Exception {
    sim.setFaults(always(Fault.UNAVAILABLE_RETRY_AFTER).withRetryAfterSeconds(7));
    HttpResponse<String> withRetryAfter = client.get(user, newId(), token);
    sim.setFaults(always(Fault.UNAVAILABLE));
    HttpResponse<String> without = client.get(user, newId(), token);

    assertThat(withRetryAfter.statusCode()).isEqualTo(503);
    assertThat(withRetryAfter.headers().firstValue("Retry-After")).hasValue("7");
    assertThat(json(withRetryAfter).get("code").asText()).isNotBlank();
    assertThat(without.statusCode()).isEqualTo(503);
    assertThat(without.headers().firstValue("Retry-After")).isEmpty();
    assertThat(sim.requests())
        .extracting(RecordedRequest::retryAfter)
        .containsExactly(null, Duration.ofSeconds(7), null);
  }

  @Test
  void a500HasPingOnesUnexpectedErrorBody() throws Exception {
    sim.setFaults(always(Fault.INTERNAL_ERROR));

    HttpResponse<String> response = client.get(user, newId(), token);

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(json(response).get("code").asText()).isEqualTo("UNEXPECTED_ERROR");
  }

  @Test
  void aResetIsSeenByTheClientAsAnIOExceptionAndRecordedWithStatusZero() {
    sim.setFaults(always(Fault.CONNECTION_RESET));

    assertThatThrownBy(() -> client.create(user, token, "{}")).isInstanceOf(IOException.class);

    assertThat(sim.requests().get(1).status()).isEqualTo(RecordedRequest.CONNECTION_RESET);
    assertThat(sim.stats().connectionResets()).isEqualTo(1);
  }

  @Test
  void aFaultBeforeEffectCreatesNothing() throws Exception {
    sim.setFaults(always(Fault.BAD_GATEWAY));

    assertThat(client.create(user, token, "{}").statusCode()).isEqualTo(502);

    assertThat(sim.validKeyCount(ENV, user)).isZero();
  }

  @Test
  void aCreateThatGotA502AfterEffectStillCreatedTheKey() throws Exception {
    sim.setFaults(always(Fault.BAD_GATEWAY).withAfterEffect(1));

    assertThat(client.create(user, token, "{}").statusCode()).isEqualTo(502);

    assertThat(sim.validKeyCount(ENV, user)).isOne();
  }

  @Test
  void aCreateThatWasResetAfterEffectStillCreatedTheKey() {
    sim.setFaults(always(Fault.CONNECTION_RESET).withAfterEffect(1));

    assertThatThrownBy(() -> client.create(user, token, "{}")).isInstanceOf(IOException.class);

    assertThat(sim.validKeyCount(ENV, user)).isOne();
  }

  @Test
  void theTokenEndpointIsSparedUnlessIncluded() throws Exception {
    sim.setFaults(always(Fault.INTERNAL_ERROR));
    client.accessToken();

    sim.setFaults(always(Fault.INTERNAL_ERROR).withTokenEndpoint(true));

    assertThat(client.send(client.tokenRequest("grant_type=client_credentials")).statusCode())
        .isEqualTo(500);
  }
}
