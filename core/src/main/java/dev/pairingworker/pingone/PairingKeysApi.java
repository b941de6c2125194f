package dev.pairingworker.pingone;

import dev.pairingworker.command.Op;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The three pairing-key endpoints over {@code java.net.http}, asynchronously: no thread waits on
 * I/O.
 */
public final class PairingKeysApi {
  static final String TRANSACTION_HEADER = "X-Ping-External-Transaction-ID";
  static final String SESSION_HEADER = "X-Ping-External-Session-ID";

  private final HttpClient http;
  private final String apiBase;
  private final Duration requestTimeout;
  private final Clock clock;
  private final PingOneObserver observer;

  public PairingKeysApi(
      HttpClient http, URI apiUrl, Duration requestTimeout, Clock clock, PingOneObserver observer) {
    this.http = http;
    String base = apiUrl.toString();
    this.apiBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.requestTimeout = requestTimeout;
    this.clock = clock;
    this.observer = observer;
  }

  /** Sends one request; the future always completes normally, with the outcome. */
  public CompletableFuture<CallOutcome> send(PingOneRequest request, AccessToken token) {
    Instant started = clock.instant();
    return http.sendAsync(httpRequest(request, token), HttpResponse.BodyHandlers.ofByteArray())
        .handle(
            (response, failure) -> {
              Duration elapsed = Duration.between(started, clock.instant());
              if (failure != null) {
                observer.apiCall(request.op(), "io_error", elapsed);
                return noAnswer(failure);
              }
              observer.apiCall(request.op(), Integer.toString(response.statusCode()), elapsed);
              return new CallOutcome.Answered(
                  new PingOneResponse(
                      response.statusCode(),
                      response.body(),
                      response.headers().firstValue("Correlation-Id").orElse(null),
                      response.headers().firstValue("Retry-After").orElse(null)));
            });
  }

  private HttpRequest httpRequest(PingOneRequest request, AccessToken token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(apiBase + request.path()))
            .timeout(requestTimeout)
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + token.value())
            .header(TRANSACTION_HEADER, request.transactionId());
    if (request.sessionId() != null) {
      builder.header(SESSION_HEADER, request.sessionId());
    }
    if (request.op() == Op.CREATE) {
      byte[] body = request.body() == null ? "{}".getBytes(StandardCharsets.UTF_8) : request.body();
      builder.header("Content-Type", "application/json");
      builder.POST(HttpRequest.BodyPublishers.ofByteArray(body));
    } else if (request.op() == Op.GET) {
      builder.GET();
    } else {
      builder.DELETE();
    }
    return builder.build();
  }

  private static CallOutcome noAnswer(Throwable failure) {
    Throwable cause = Failures.unwrap(failure);
    boolean notSent =
        cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException;
    return new CallOutcome.NoAnswer(cause, !notSent);
  }
}
