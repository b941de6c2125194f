package dev.pairingworker.pingone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/**
 * Client-credentials tokens: one cached token shared by every call, fetched again shortly before it
 * expires or when PingOne rejects it. Concurrent callers share a single token request.
 */
public final class TokenProvider {
  private final HttpClient http;
  private final URI tokenUrl;
  private final ClientCredentials credentials;
  private final Duration refreshBefore;
  private final Duration requestTimeout;
  private final Clock clock;
  private final ObjectMapper json;
  private final PingOneObserver observer;

  private CompletableFuture<AccessToken> current;

  public TokenProvider(
      HttpClient http,
      URI tokenUrl,
      ClientCredentials credentials,
      Duration refreshBefore,
      Duration requestTimeout,
      Clock clock,
      ObjectMapper json,
      PingOneObserver observer) {
    this.http = http;
    this.tokenUrl = tokenUrl;
    this.credentials = credentials;
    this.refreshBefore = refreshBefore;
    this.requestTimeout = requestTimeout;
    this.clock = clock;
    this.json = json;
    this.observer = observer;
  }

  /** A token valid for at least {@code refreshBefore} more, fetching one when needed. */
  public synchronized CompletableFuture<AccessToken> token() {
    if (current == null || isStale(current)) {
      current = fetch();
    }
    return current;
  }

  /**
   * Called after PingOne answered 401 to {@code rejected}: fetches a new token unless another
   * caller already replaced it, so a burst of 401s costs one token request.
   */
  public synchronized CompletableFuture<AccessToken> replace(AccessToken rejected) {
    if (current != null
        && current.isDone()
        && !current.isCompletedExceptionally()
        && current.join().equals(rejected)) {
      current = fetch();
    }
    return token();
  }

  private boolean isStale(CompletableFuture<AccessToken> token) {
    if (!token.isDone()) {
      return false;
    }
    if (token.isCompletedExceptionally()) {
      return true;
    }
    return !clock.instant().isBefore(token.join().refreshAt());
  }

  private CompletableFuture<AccessToken> fetch() {
    Instant started = clock.instant();
    return http.sendAsync(request(), HttpResponse.BodyHandlers.ofByteArray())
        .handle(
            (response, failure) -> {
              Duration elapsed = Duration.between(started, clock.instant());
              if (failure != null) {
                observer.tokenRequest("io_error", elapsed);
                throw new TokenException(
                    "PingOne's token endpoint could not be reached: "
                        + failure.getClass().getSimpleName(),
                    failure);
              }
              observer.tokenRequest(Integer.toString(response.statusCode()), elapsed);
              return parse(response, started);
            });
  }

  private HttpRequest request() {
    StringBuilder form = new StringBuilder("grant_type=client_credentials");
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(tokenUrl)
            .timeout(requestTimeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json");
    if (credentials.basicAuth()) {
      builder.header("Authorization", "Basic " + basic());
    } else {
      form.append("&client_id=").append(encode(credentials.clientId()));
      form.append("&client_secret=").append(encode(credentials.clientSecret()));
    }
    return builder.POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
  }

  private String basic() {
    // RFC 6749 §2.3.1: id and secret are form-encoded before Basic encoding.
    String pair = encode(credentials.clientId()) + ":" + encode(credentials.clientSecret());
    return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private AccessToken parse(HttpResponse<byte[]> response, Instant started) {
    JsonNode body = readQuietly(response.body());
    if (response.statusCode() != 200) {
      String error = body.path("error").asText("unknown");
      throw new TokenException(
          response.statusCode(),
          "PingOne refused the token request: HTTP " + response.statusCode() + " " + error);
    }
    String value = body.path("access_token").asText("");
    long expiresIn = body.path("expires_in").asLong(0);
    if (value.isEmpty() || expiresIn <= 0) {
      throw new TokenException(
          response.statusCode(), "PingOne's token response has no usable token");
    }
    // Counted from when the request started: the token cannot outlive that by more than expires_in.
    // A token
    // shorter-lived than twice the refresh margin is refreshed at half its life, not at once.
    Duration lifetime = Duration.ofSeconds(expiresIn);
    Duration margin =
        refreshBefore.compareTo(lifetime.dividedBy(2)) < 0 ? refreshBefore : lifetime.dividedBy(2);
    Instant expiresAt = started.plus(lifetime);
    return new AccessToken(value, expiresAt, expiresAt.minus(margin));
  }

  private JsonNode readQuietly(byte[] body) {
    try {
      JsonNode tree = json.readTree(body);
      return tree == null ? json.missingNode() : tree;
    } catch (IOException e) {
      return json.missingNode();
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
