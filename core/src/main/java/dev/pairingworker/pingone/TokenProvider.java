package dev.pairingworker.pingone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Client-credentials tokens: one cached token shared by every call, fetched again shortly before it
 * expires or when PingOne rejects it. Concurrent callers share a single token request. The client
 * proves itself with whichever {@link ClientAuthentication} PingOne expects of the app.
 *
 * <p>A failed request is repeated by the next caller, except after a 429 or 503 with {@code
 * Retry-After}: until then (capped) every caller gets that failure, whose {@link
 * TokenException#retryAt()} tells the retry policy how long to wait, and the endpoint is not asked.
 */
public final class TokenProvider {
  private final HttpClient http;
  private final URI tokenUrl;
  private final ClientAuthentication authentication;
  private final Duration refreshBefore;
  private final Duration requestTimeout;
  private final Clock clock;
  private final ObjectMapper json;
  private final PingOneObserver observer;
  private final Duration retryAfterCap;

  private CompletableFuture<AccessToken> current;

  /** A provider that honours a token endpoint's {@code Retry-After} up to the default 2 minutes. */
  public TokenProvider(
      HttpClient http,
      URI tokenUrl,
      ClientAuthentication authentication,
      Duration refreshBefore,
      Duration requestTimeout,
      Clock clock,
      ObjectMapper json,
      PingOneObserver observer) {
    this(
        http,
        tokenUrl,
        authentication,
        refreshBefore,
        requestTimeout,
        clock,
        json,
        observer,
        RetrySettings.defaults().retryAfterCap());
  }

  /**
   * @param retryAfterCap the longest {@code Retry-After} from the token endpoint that is waited
   *     out; a longer one is cut to this
   */
  public TokenProvider(
      HttpClient http,
      URI tokenUrl,
      ClientAuthentication authentication,
      Duration refreshBefore,
      Duration requestTimeout,
      Clock clock,
      ObjectMapper json,
      PingOneObserver observer,
      Duration retryAfterCap) {
    this.http = http;
    this.tokenUrl = tokenUrl;
    this.authentication = authentication;
    this.retryAfterCap = retryAfterCap;
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
      Optional<Instant> retryAt = failure(token).flatMap(TokenException::retryAt);
      return retryAt.isEmpty() || !clock.instant().isBefore(retryAt.get());
    }
    return !clock.instant().isBefore(token.join().refreshAt());
  }

  private static Optional<TokenException> failure(CompletableFuture<AccessToken> failed) {
    Throwable failure = failed.handle((token, thrown) -> thrown).join();
    if (failure instanceof CompletionException wrapped && wrapped.getCause() != null) {
      failure = wrapped.getCause();
    }
    return failure instanceof TokenException tokenFailure
        ? Optional.of(tokenFailure)
        : Optional.empty();
  }

  private CompletableFuture<AccessToken> fetch() {
    Instant started = clock.instant();
    HttpRequest request;
    try {
      request = request();
    } catch (TokenException e) {
      return CompletableFuture.failedFuture(e);
    }
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
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
    ClientProof proof = authentication.proof(tokenUrl);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.putAll(proof.formFields());
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(tokenUrl)
            .timeout(requestTimeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json");
    proof.authorization().ifPresent(value -> builder.header("Authorization", value));
    return builder.POST(HttpRequest.BodyPublishers.ofString(FormEncoding.form(form))).build();
  }

  private AccessToken parse(HttpResponse<byte[]> response, Instant started) {
    JsonNode body = readQuietly(response.body());
    if (response.statusCode() != 200) {
      String error = body.path("error").asText("unknown");
      throw new TokenException(
          response.statusCode(),
          "PingOne refused the token request: HTTP " + response.statusCode() + " " + error,
          retryAt(response).orElse(null));
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

  /** On a 429 or 503, when its {@code Retry-After} says to come back, cut to the cap. */
  private Optional<Instant> retryAt(HttpResponse<byte[]> response) {
    int status = response.statusCode();
    if (status != 429 && status != 503) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return response
        .headers()
        .firstValue("Retry-After")
        .flatMap(header -> RetryAfter.parse(header, now))
        .map(wait -> now.plus(wait.compareTo(retryAfterCap) > 0 ? retryAfterCap : wait));
  }
}
