package dev.pairingworker.pingone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairingworker.command.ExternalIds;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Keeps watch on why {@link ExternalIds#forHeader} folds non-ASCII letters: {@code java.net.http}
 * writes HTTP/1.1 header values as US-ASCII, turning other characters into {@code ?}. If a JDK ever
 * sends them intact, this test fails, and the folding can be reconsidered.
 */
class JdkHeaderEncodingTest {
  @Test
  void javaNetHttpCannotSendNonAsciiHeaderValuesOverHttp11() throws Exception {
    try (ServerSocket server = new ServerSocket(0)) {
      CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> readRequest(server));
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/"))
              .header("X-Test", "Zoë")
              .build();
      client.sendAsync(request, HttpResponse.BodyHandlers.discarding());

      String head = new String(received.get(), StandardCharsets.ISO_8859_1);

      assertThat(head).contains("X-Test: Zo?\r\n").doesNotContain("Zoë");
      assertThat(ExternalIds.forHeader("Zoë")).isEqualTo("Zo_");
    }
  }

  private static byte[] readRequest(ServerSocket server) {
    try (Socket socket = server.accept()) {
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      int n = in.read(buffer);
      OutputStream out = socket.getOutputStream();
      out.write("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      return java.util.Arrays.copyOf(buffer, n);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
