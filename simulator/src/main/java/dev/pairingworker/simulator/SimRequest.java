package dev.pairingworker.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A received request, decoded once so that every stage of the response chain sees the same values.
 *
 * @param receivedAt arrival time by the simulator's clock
 * @param method the HTTP method, upper case
 * @param path the raw request path, without the query
 * @param headers header values re-decoded as UTF-8, looked up case-insensitively
 * @param body the whole request body
 * @param token what the bearer token is worth; {@link TokenState#NONE} outside the API
 */
record SimRequest(
    Instant receivedAt,
    String method,
    String path,
    Map<String, List<String>> headers,
    byte[] body,
    TokenState token) {

  SimRequest {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = copy;
  }

  /** The first value of the header, or {@code null}. */
  String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  boolean hasBody() {
    for (byte b : body) {
      if (!Character.isWhitespace(b)) {
        return true;
      }
    }
    return false;
  }
}
