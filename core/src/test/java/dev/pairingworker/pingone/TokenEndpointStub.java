package dev.pairingworker.pingone;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A token endpoint on a loopback port that records every request exactly as it arrived and answers
 * from a script (then with a token): lets a test check the bytes the client sends, independently of
 * the client's own code.
 */
final class TokenEndpointStub implements AutoCloseable {
  static final String PATH = "/5a1e0c2d-3b4f-4a6e-8d7c-9f0e1d2c3b4a/as/token";

  /** One request as received. */
  record Received(String method, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .map(entry -> entry.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  /** A scripted answer. */
  record Answer(int status, String retryAfter, String body) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
  private int issued;

  TokenEndpointStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.createContext(
        PATH,
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              new Received(
                  exchange.getRequestMethod(), Map.copyOf(exchange.getRequestHeaders()), body));
          Answer answer = script.poll();
          if (answer == null) {
            answer = new Answer(200, null, token());
          }
          if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
          }
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(answer.status(), bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
  }

  private synchronized String token() {
    issued++;
    return "{\"access_token\":\"token-"
        + issued
        + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
  }

  /** The next request gets this answer instead of a token. */
  void thenAnswer(int status, String retryAfter, String body) {
    script.add(new Answer(status, retryAfter, body));
  }

  URI tokenUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
