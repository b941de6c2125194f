package dev.pairingworker.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pairingworker.pingone.PingOneResponse;
import java.io.IOException;

/**
 * One answer of the API, its body parsed when it is JSON. {@link #toString()} is safe for failure
 * messages: a pairing key's {@code code} is masked (an error body's {@code code} is an error code
 * and stays).
 */
record Answer(String step, PingOneResponse response, JsonNode body) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Answer of(String step, PingOneResponse response) {
    return new Answer(step, response, parse(response.body()));
  }

  int status() {
    return response.status();
  }

  String correlationId() {
    return response.correlationId();
  }

  /** A text field of the body, or "" when absent. */
  String text(String... path) {
    JsonNode node = body;
    for (String name : path) {
      node = node.path(name);
    }
    return node.isValueNode() ? node.asText() : "";
  }

  @Override
  public String toString() {
    return step
        + ": HTTP "
        + status()
        + ", Correlation-Id "
        + correlationId()
        + ", body "
        + masked();
  }

  private String masked() {
    if (body.isMissingNode()) {
      return response.body().length == 0
          ? "(empty)"
          : "(" + response.body().length + " bytes, not JSON)";
    }
    if (body instanceof ObjectNode object && mayHoldAPairingCode(object)) {
      ObjectNode copy = object.deepCopy();
      if (copy.has("code")) {
        copy.put("code", "****");
      }
      return copy.toString();
    }
    return body.toString();
  }

  /** A success, or anything resembling a pairing key; an error body has none of a key's fields. */
  private boolean mayHoldAPairingCode(ObjectNode object) {
    return response.isSuccess()
        || object.has("_links")
        || object.has("status")
        || object.has("expiresAt");
  }

  private static JsonNode parse(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return JSON.missingNode();
    }
    try {
      JsonNode tree = JSON.readTree(bytes);
      return tree == null ? JSON.missingNode() : tree;
    } catch (IOException e) {
      return JSON.missingNode();
    }
  }
}
