package dev.pairingworker.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response decided but not yet sent. Keeping it a value lets a later stage (latency, fault
 * injection) delay, replace or drop it without touching the endpoint that produced it.
 *
 * @param status the HTTP status, or {@link RecordedRequest#CONNECTION_RESET} to close the
 *     connection without answering
 * @param headers response headers other than {@code Correlation-Id}, which the sender adds
 * @param body the body; empty for none
 */
record SimResponse(int status, Map<String, String> headers, byte[] body) {

  SimResponse {
    headers = Map.copyOf(headers);
  }

  static SimResponse json(int status, JsonNode body) {
    return new SimResponse(
        status, Map.of("Content-Type", "application/json"), SimulatorJson.write(body));
  }

  static SimResponse empty(int status) {
    return new SimResponse(status, Map.of(), new byte[0]);
  }

  /** Not a response at all: the sender closes the connection instead. */
  static SimResponse connectionReset() {
    return empty(RecordedRequest.CONNECTION_RESET);
  }

  boolean isConnectionReset() {
    return status == RecordedRequest.CONNECTION_RESET;
  }

  SimResponse withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new SimResponse(status, more, body);
  }
}
