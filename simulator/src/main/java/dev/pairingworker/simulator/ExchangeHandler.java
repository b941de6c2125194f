package dev.pairingworker.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bridges the JDK server and the responder chain: decodes the request, asks the chain for a
 * response, records both, and sends the response — at once, or later from the scheduler when
 * latency applies. Delayed responses never hold a server thread: the exchange stays open after
 * {@link #handle} returns until it is closed.
 */
final class ExchangeHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ExchangeHandler.class);
  static final String TRANSACTION_HEADER = "X-Ping-External-Transaction-ID";
  static final String SESSION_HEADER = "X-Ping-External-Session-ID";

  private final Clock clock;
  private final TokenStore tokens;
  private final Responder responder;
  private final RequestLog log;
  private final StatusCounts counts;
  private final Supplier<LatencyModel> latency;
  private final ScheduledExecutorService scheduler;

  ExchangeHandler(
      Clock clock,
      TokenStore tokens,
      Responder responder,
      RequestLog log,
      StatusCounts counts,
      Supplier<LatencyModel> latency,
      ScheduledExecutorService scheduler) {
    this.clock = clock;
    this.tokens = tokens;
    this.responder = responder;
    this.log = log;
    this.counts = counts;
    this.latency = latency;
    this.scheduler = scheduler;
  }

  @Override
  public void handle(HttpExchange exchange) {
    long arrival = log.arrive();
    SimRequest request;
    try {
      request = read(exchange);
    } catch (IOException e) {
      LOG.debug("Could not read a request; the client went away", e);
      exchange.close();
      return;
    }
    SimResponse response = respond(request);
    String correlationId = Ids.random();
    log.record(arrival, recorded(request, response, correlationId));
    counts.add(response.status());
    dispatch(exchange, request, response, correlationId);
  }

  private SimRequest read(HttpExchange exchange) throws IOException {
    Instant receivedAt = clock.instant();
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, utf8(values)));
    String path = exchange.getRequestURI().getRawPath();
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    TokenState token = Router.isApiPath(path) ? tokens.inspect(authorization) : TokenState.NONE;
    return new SimRequest(receivedAt, exchange.getRequestMethod(), path, headers, body, token);
  }

  /**
   * The JDK server decodes header bytes as ISO-8859-1, while clients send non-ASCII values as UTF-8
   * bytes; re-decoding recovers what the client meant.
   */
  private static List<String> utf8(List<String> values) {
    List<String> decoded = new ArrayList<>(values.size());
    for (String value : values) {
      decoded.add(new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }
    return decoded;
  }

  private SimResponse respond(SimRequest request) {
    try {
      return responder.respond(request);
    } catch (RuntimeException e) {
      LOG.debug("Simulator bug while answering {} {}", request.method(), request.path(), e);
      return ApiErrors.unexpected();
    }
  }

  private static RecordedRequest recorded(
      SimRequest request, SimResponse response, String correlationId) {
    return new RecordedRequest(
        request.receivedAt(),
        request.method(),
        request.path(),
        request.header(TRANSACTION_HEADER),
        request.header(SESSION_HEADER),
        request.token(),
        response.status(),
        correlationId,
        retryAfter(response));
  }

  /** The simulator only ever sends {@code Retry-After} as whole seconds. */
  private static Duration retryAfter(SimResponse response) {
    String value = response.headers().get("Retry-After");
    return value == null ? null : Duration.ofSeconds(Long.parseLong(value));
  }

  private void dispatch(
      HttpExchange exchange, SimRequest request, SimResponse response, String correlationId) {
    Duration delay = latency.get().next(request.path());
    LOG.debug(
        "{} {} -> {} (Correlation-Id {}, delay {})",
        request.method(),
        request.path(),
        response.status(),
        correlationId,
        delay);
    if (delay.isZero() || delay.isNegative()) {
      send(exchange, response, correlationId);
      return;
    }
    try {
      scheduler.schedule(
          () -> send(exchange, response, correlationId), delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // The simulator is closing: drop the response as a stopping server would.
      exchange.close();
    }
  }

  static void send(HttpExchange exchange, SimResponse response, String correlationId) {
    if (response.isConnectionReset()) {
      // Closing before sendResponseHeaders makes the JDK server drop the TCP connection, so the
      // client reads end-of-stream where a status line should be.
      exchange.close();
      return;
    }
    try {
      response.headers().forEach(exchange.getResponseHeaders()::set);
      exchange.getResponseHeaders().set("Correlation-Id", correlationId);
      byte[] body = response.body();
      // -1 tells the JDK server "no body", which 204 requires.
      exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (IOException e) {
      LOG.debug("Could not send a response (Correlation-Id {})", correlationId, e);
    } finally {
      exchange.close();
    }
  }
}
