package dev.pairingworker.simulator;

import static dev.pairingworker.simulator.SimClient.ENV;
import static dev.pairingworker.simulator.SimClient.json;
import static dev.pairingworker.simulator.SimClient.newId;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestRecordingTest {
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

  private PingOneSimulator sim;
  private SimClient client;
  private String token;
  private final String user = newId();

  @BeforeEach
  void start() throws Exception {
    sim = PingOneSimulator.start(SimulatorSettings.defaults().withClock(new MutableClock(NOW)));
    client = new SimClient(sim);
    token = client.accessToken();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  /**
   * Sends a GET whose transaction id goes on the wire as UTF-8 bytes. A raw socket is needed: on
   * JDK 17 java.net.http encodes header values as US-ASCII and turns every non-ASCII character into
   * {@code ?}.
   */
  private String rawGetWithTransactionId(String path, String transactionId) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sim.port())) {
      socket.setSoTimeout(10_000);
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.writeBytes(
          ("GET "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                  + token
                  + "\r\nConnection: close\r\nX-Ping-External-Session-ID: session-7"
                  + "\r\nX-Ping-External-Transaction-ID: ")
              .getBytes(US_ASCII));
      request.writeBytes(transactionId.getBytes(UTF_8));
      request.writeBytes("\r\n\r\n".getBytes(US_ASCII));
      socket.getOutputStream().write(request.toByteArray());
      return new String(socket.getInputStream().readAllBytes(), ISO_8859_1);
    }
  }

  @Test
  void everyRequestIsRecordedInArrivalOrderIncludingTokenRequests() throws Exception {
    String keyId = json(client.create(user, token, "{}")).get("id").asText();
    client.delete(user, keyId, token);

    List<RecordedRequest> requests = sim.requests();

    assertThat(requests)
        .extracting(RecordedRequest::method)
        .containsExactly("POST", "POST", "DELETE");
    assertThat(requests).extracting(RecordedRequest::status).containsExactly(200, 201, 204);
    assertThat(requests.get(0).path()).isEqualTo("/" + ENV + "/as/token");
    assertThat(requests.get(0).token()).isEqualTo(TokenState.NONE);
    assertThat(requests.get(2).path())
        .isEqualTo("/v1/environments/" + ENV + "/users/" + user + "/pairingKeys/" + keyId);
    assertThat(requests.get(2).receivedAt()).isEqualTo(NOW);
  }

  @Test
  void externalIdsAreRecordedAsSentAndAsPingOneWouldAuditThem() throws Exception {
    String transaction = "order#42 für Zoë ✓";
    String keyPath = client.key(user, newId()).getRawPath();

    String response = rawGetWithTransactionId(keyPath, transaction);

    RecordedRequest recorded = sim.requests().get(1);

    assertThat(recorded.transactionId()).isEqualTo(transaction);
    assertThat(recorded.auditTransactionId()).isEqualTo("order#42_für_Zoë__");
    assertThat(recorded.sessionId()).isEqualTo("session-7");
    assertThat(recorded.auditSessionId()).isEqualTo("session-7");
    assertThat(response)
        .startsWith("HTTP/1.1 404")
        .containsIgnoringCase("Correlation-Id: " + recorded.correlationId());
  }

  @Test
  void absentExternalIdsAreRecordedAsNull() throws Exception {
    client.get(user, newId(), token);

    RecordedRequest recorded = sim.requests().get(1);

    assertThat(recorded.transactionId()).isNull();
    assertThat(recorded.auditTransactionId()).isNull();
    assertThat(recorded.sessionId()).isNull();
  }

  @Test
  void clearingForgetsEarlierRequests() throws Exception {
    sim.clearRequests();
    client.get(user, newId(), token);

    assertThat(sim.requests()).singleElement().extracting(RecordedRequest::status).isEqualTo(404);
  }
}
