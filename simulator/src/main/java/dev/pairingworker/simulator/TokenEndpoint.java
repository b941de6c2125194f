package dev.pairingworker.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /{environmentId}/as/token} with {@code grant_type=client_credentials}. Errors use the
 * OAuth 2.0 shape {@code {"error", "error_description"}} (PingOne's exact bodies are unconfirmed).
 * A non-UUID environment id is 400 {@code invalid_request}; an environment the tenant does not hold
 * is 404 in PingOne's API error shape (unconfirmed: the choice of a gateway that finds no such
 * environment). The client must authenticate by its application's one method ({@link
 * ClientAuthenticator}); an assertion's {@code aud} must be this endpoint's URL, as the client
 * reached it (its {@code Host} header) or as {@link PingOneSimulator#tokenUrl} gives it.
 */
final class TokenEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(TokenEndpoint.class);
  private static final String FORM = "application/x-www-form-urlencoded";

  private final TokenStore tokens;
  private final TenantDirectory directory;
  private final ClientAuthenticator authenticator = new ClientAuthenticator();
  private final URI authBaseUrl;

  TokenEndpoint(TokenStore tokens, TenantDirectory directory, URI authBaseUrl) {
    this.tokens = tokens;
    this.directory = directory;
    this.authBaseUrl = authBaseUrl;
  }

  SimResponse respond(SimRequest request, String environmentId) {
    if (!request.method().equals("POST")) {
      return oauthError(405, "invalid_request", "The token endpoint accepts POST only.")
          .withHeader("Allow", "POST");
    }
    if (!Ids.isValid(environmentId)) {
      return oauthError(400, "invalid_request", "The environment id must be a lowercase UUID.");
    }
    Optional<EnvironmentState> environment = directory.environment(environmentId);
    if (environment.isEmpty()) {
      return ApiErrors.notFound();
    }
    if (!isForm(request.header("Content-Type"))) {
      return oauthError(400, "invalid_request", "Content-Type must be " + FORM + ".");
    }
    Map<String, String> form = parseForm(new String(request.body(), StandardCharsets.UTF_8));
    if (!form.containsKey("grant_type")) {
      return oauthError(400, "invalid_request", "The grant_type parameter is missing.");
    }
    PresentedCredentials.Presented presented =
        PresentedCredentials.extract(request.header("Authorization"), form);
    if (presented instanceof PresentedCredentials.Failed failed
        && failed.problem() == PresentedCredentials.Problem.BOTH_METHODS) {
      return oauthError(400, "invalid_request", "Use one client authentication method only.");
    }
    ClientAuthenticator.Authentication outcome =
        authenticator.authenticate(
            environment.get(),
            presented,
            audiences(request, environmentId),
            request.receivedAt(),
            directory.lenient());
    if (outcome instanceof ClientAuthenticator.Unauthenticated refused) {
      LOG.debug("Token request refused in {}: {}", environmentId, refused.reason());
      return invalidClient("Client authentication failed.");
    }
    if (!form.get("grant_type").equals("client_credentials")) {
      return oauthError(400, "unsupported_grant_type", "Only client_credentials is supported.");
    }
    ApplicationSeed application = ((ClientAuthenticator.Authenticated) outcome).application();
    return issued(tokens.issue(environmentId, application));
  }

  /** The URLs an assertion's {@code aud} may name. */
  private Set<String> audiences(SimRequest request, String environmentId) {
    String path = "/" + environmentId + "/as/token";
    String host = request.header("Host");
    Set<String> urls = new HashSet<>();
    urls.add(authBaseUrl + path);
    if (host != null) {
      urls.add("http://" + host + path);
    }
    return urls;
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
