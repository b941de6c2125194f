package dev.pairingworker.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's own endpoints under {@code /admin}, off PingOne's paths: seeding the tenant while
 * it runs and acting as a device. They need no token, are never recorded in {@link
 * PingOneSimulator#requests()}, and neither faults nor latency touch them. Errors use PingOne's
 * error shape.
 *
 * <ul>
 *   <li>{@code POST /admin/seed}, a seed JSON: merged into the tenant → 204
 *   <li>{@code POST /admin/environments/{env}/users}, {@code {"id": U}} or {@code {"ids": [...]}}:
 *       the users exist from now on (the environment too, with its defaults) → 204
 *   <li>{@code POST /admin/environments/{env}/users/{u}/pairingKeys/{k}/claim}: the key is CLAIMED,
 *       as when a device pairs with it → 200 and the resource; 404 when there is no such key (or it
 *       expired and expired keys are gone); 409 when it was already claimed or has expired
 * </ul>
 */
final class AdminEndpoint implements HttpHandler {
  private final TenantDirectory directory;
  private final PairingKeyStore keys;
  private final PairingKeyJson json;

  AdminEndpoint(TenantDirectory directory, PairingKeyStore keys, PairingKeyJson json) {
    this.directory = directory;
    this.keys = keys;
    this.json = json;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    SimResponse response;
    try {
      response = respond(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), body);
    } catch (IllegalArgumentException e) {
      response =
          ApiErrors.invalidData(
              List.of(new ErrorDetail("INVALID_VALUE", null, e.getMessage(), null)));
    }
    ExchangeHandler.send(exchange, response, Ids.random());
  }

  SimResponse respond(String method, String path, byte[] body) {
    String[] s = path.split("/", -1);
    if (!method.equals("POST")) {
      return ApiErrors.methodNotAllowed("POST");
    }
    if (s.length == 3 && s[2].equals("seed")) {
      directory.seed(TenantSeed.fromJson(new String(body, StandardCharsets.UTF_8)));
      return SimResponse.empty(204);
    }
    boolean environment = s.length >= 5 && s[2].equals("environments") && s[4].equals("users");
    if (environment && s.length == 5) {
      directory.addUsers(s[3], userIds(body));
      return SimResponse.empty(204);
    }
    if (environment && s.length == 9 && s[6].equals("pairingKeys") && s[8].equals("claim")) {
      return claim(s[3], s[5], s[7]);
    }
    return ApiErrors.notFound();
  }

  private SimResponse claim(String environmentId, String userId, String keyId) {
    return switch (keys.claim(environmentId, userId, keyId)) {
      case CLAIMED ->
          SimResponse.json(200, json.render(keys.find(environmentId, userId, keyId).orElseThrow()));
      case NOT_FOUND -> ApiErrors.notFound();
      case ALREADY_CLAIMED -> conflict("The pairing key was already claimed.");
      case EXPIRED -> conflict("The pairing key has expired.");
    };
  }

  private static SimResponse conflict(String message) {
    return ApiErrors.error(409, "REQUEST_FAILED", message, List.of());
  }

  private static List<String> userIds(byte[] body) {
    JsonNode root;
    try {
      root = SimulatorJson.read(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("The body is not valid JSON.", e);
    }
    List<String> ids = new ArrayList<>();
    if (root != null && root.path("id").isTextual()) {
      ids.add(root.get("id").textValue());
    }
    if (root != null) {
      root.path("ids").forEach(id -> ids.add(id.asText()));
    }
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("Give {\"id\": USER} or {\"ids\": [USER, ...]}.");
    }
    return ids;
  }
}
