package dev.pairingworker.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code POST /{environmentId}/as/token} with {@code grant_type=client_credentials}. Errors use the
 * OAuth 2.0 shape {@code {"error", "error_description"}} (PingOne's exact bodies are unconfirmed).
 * A non-UUID environment id is answered 400 {@code invalid_request}: the simulator treats every
 * well-formed environment as existing, so there is no "unknown environment" case to model.
 */
final class TokenEndpoint {
  private static final String FORM = "application/x-www-form-urlencoded";

  private final TokenStore tokens;
  private final String clientId;
  private final String clientSecret;

  TokenEndpoint(TokenStore tokens, String clientId, String clientSecret) {
    this.tokens = tokens;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  SimResponse respond(SimRequest request, String environmentId) {
    if (!request.method().equals("POST")) {
      return oauthError(405, "invalid_request", "The token endpoint accepts POST only.")
          .withHeader("Allow", "POST");
    }
    if (!Ids.isValid(environmentId)) {
      return oauthError(400, "invalid_request", "The environment id must be a lowercase UUID.");
    }
    if (!isForm(request.header("Content-Type"))) {
      return oauthError(400, "invalid_request", "Content-Type must be " + FORM + ".");
    }
    Map<String, String> form = parseForm(new String(request.body(), StandardCharsets.UTF_8));
    if (!form.containsKey("grant_type")) {
      return oauthError(400, "invalid_request", "The grant_type parameter is missing.");
    }
    PresentedCredentials.Extraction extraction =
        PresentedCredentials.extract(request.header("Authorization"), form);
    if (extraction instanceof PresentedCredentials.Failed failed) {
      return credentialProblem(failed.problem());
    }
    PresentedCredentials presented = ((PresentedCredentials.Found) extraction).credentials();
    if (!presented.matches(clientId, clientSecret)) {
      return invalidClient("Client authentication failed.");
    }
    if (!form.get("grant_type").equals("client_credentials")) {
      return oauthError(400, "unsupported_grant_type", "Only client_credentials is supported.");
    }
    return issued(tokens.issue(environmentId, presented.clientId()));
  }

  private SimResponse issued(String token) {
    ObjectNode body =
        SimulatorJson.object()
            .put("access_token", token)
            .put("token_type", "Bearer")
            .put("expires_in", tokens.lifetime().toSeconds());
    // RFC 6749 section 5.1: token responses must not be cached.
    return SimResponse.json(200, body)
        .withHeader("Cache-Control", "no-store")
        .withHeader("Pragma", "no-cache");
  }

  private static SimResponse credentialProblem(PresentedCredentials.Problem problem) {
    return switch (problem) {
      case MISSING -> invalidClient("No client credentials were presented.");
      case MALFORMED -> invalidClient("The Basic credentials are malformed.");
      case BOTH_METHODS ->
          oauthError(400, "invalid_request", "Use one client authentication method only.");
    };
  }

  private static SimResponse invalidClient(String description) {
    return oauthError(401, "invalid_client", description)
        .withHeader("WWW-Authenticate", "Basic realm=\"PingOne\"");
  }

  private static SimResponse oauthError(int status, String error, String description) {
    return SimResponse.json(
        status, SimulatorJson.object().put("error", error).put("error_description", description));
  }

  private static boolean isForm(String contentType) {
    return contentType != null && MediaTypes.of(contentType).equals(FORM);
  }

  private static Map<String, String> parseForm(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        form.putIfAbsent(decode(name), decode(value));
      } catch (IllegalArgumentException e) {
        // A malformed %-escape: skip the pair, as a lenient server would; the checks above then
        // fail cleanly.
      }
    }
    return form;
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
