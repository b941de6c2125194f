package dev.pairingworker.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The one JSON mapper of the simulator (thread-safe once configured). */
final class SimulatorJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SimulatorJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static byte[] write(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      // A tree built in memory always serialises; failing here is a bug, not client input.
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a request body; the caller turns the exception into a 400. */
  static JsonNode read(byte[] body) throws IOException {
    return MAPPER.readTree(body);
  }
}
