package dev.pairingworker.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pairingworker.support.CapturedLogs;
import dev.pairingworker.support.WorkerFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * A full run — lifecycle, invalid commands, an expired token, bad credentials — with every log line
 * captured; then the actual client secrets, access tokens and pairing codes are looked for
 * everywhere but the reply value.
 */
class SecretsNeverLeakIT {
  private static final String WRONG_SECRET = "Wr0ng-Secret-" + UUID.randomUUID();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void noSecretTokenOrCodeAppearsInLogsDeadLettersMetricsHealthOrConfig() throws Exception {
    List<String> secrets = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    try (CapturedLogs logs = CapturedLogs.start()) {
      try (WorkerFixture fx = WorkerFixture.start()) {
        secrets.add(fx.config().clientSecret().reveal());
        secrets.addAll(codesFromALifecycle(fx));
        rejectSomeCommands(fx);
        secrets.addAll(fx.simulator.issuedTokens());
        assertThat(fx.simulator.issuedTokens()).hasSizeGreaterThanOrEqualTo(2);
        outputs.addAll(endpointsAndConfig(fx));
        outputs.add(deadLetters(fx, 3));
      }
      try (WorkerFixture bad =
          WorkerFixture.start(s -> s, Map.of("pingone.client.secret", WRONG_SECRET))) {
        secrets.add(WRONG_SECRET);
        JsonNode refused =
            bad.callJson("bad-credentials", bad.create(UUID.randomUUID().toString()));
        assertThat(refused.path("status").asText()).isEqualTo("FAILED");
        assertThat(refused.path("error").path("code").asText()).isEqualTo("TOKEN_UNAVAILABLE");
        assertThat(refused.toString()).doesNotContain(WRONG_SECRET);
        outputs.addAll(endpointsAndConfig(bad));
      }
      outputs.add(logs.text());
    }

    assertThat(secrets)
        .hasSizeGreaterThanOrEqualTo(6)
        .allSatisfy(s -> assertThat(s).hasSizeGreaterThan(8));
    assertThat(outputs.get(outputs.size() - 1)).contains("Rejected record").contains("SUCCEEDED");
    for (String output : outputs) {
      for (String secret : secrets) {
        assertThat(output).doesNotContain(secret);
      }
    }
  }

  /** Create, get (after every token expired, so a refresh happens), delete; the codes seen. */
  private static List<String> codesFromALifecycle(WorkerFixture fx) throws Exception {
    List<String> codes = new ArrayList<>();
    String user = UUID.randomUUID().toString();
    JsonNode created = fx.callJson("leak-create-" + user, fx.create(user));
    String keyId = created.path("pairingKey").path("id").asText();
    codes.add(created.path("pairingKey").path("code").asText());
    JsonNode second = fx.callJson("leak-create-2-" + user, fx.create(user));
    codes.add(second.path("pairingKey").path("code").asText());
    fx.simulator.expireAllTokens();
    JsonNode read = fx.callJson("leak-get-" + user, fx.get(user, keyId));
    assertThat(read.path("pairingKey").path("code").asText()).isEqualTo(codes.get(0));
    assertThat(fx.callJson("leak-delete-" + user, fx.delete(user, keyId)).path("status").asText())
        .isEqualTo("SUCCEEDED");
    assertThat(codes).allSatisfy(code -> assertThat(code).matches("\\d{12}"));
    return codes;
  }

  private static void rejectSomeCommands(WorkerFixture fx) throws Exception {
    String user = UUID.randomUUID().toString();
    assertThat(fx.callJson("leak-bad-json", "{\"op\":").path("status").asText())
        .isEqualTo("REJECTED");
    assertThat(fx.callJson("leak-upper", fx.get(user.toUpperCase(), user)).path("status").asText())
        .isEqualTo("REJECTED");
    assertThat(
            fx.json(fx.call("leak-topic", fx.create(user), Map.of("kafka_replyTopic", "x-y")))
                .path("status")
                .asText())
        .isEqualTo("REJECTED");
  }

  private List<String> endpointsAndConfig(WorkerFixture fx) throws Exception {
    List<String> out = new ArrayList<>();
    for (String path : List.of("/metrics", "/health/live", "/health/ready")) {
      URI uri = URI.create("http://localhost:" + fx.worker.metricsPort() + path);
      HttpResponse<String> response =
          http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      out.add(response.headers().map() + response.body());
    }
    assertThat(out.get(0)).contains("pairing_worker_");
    out.add(fx.config().toString());
    return out;
  }

  private static String deadLetters(WorkerFixture fx, int count) {
    StringBuilder text = new StringBuilder();
    List<ConsumerRecord<byte[], byte[]>> records = fx.deadLetters(r -> true, count);
    assertThat(records).hasSize(count);
    for (ConsumerRecord<byte[], byte[]> record : records) {
      text.append(utf8(record.key())).append(utf8(record.value()));
      for (Header header : record.headers()) {
        text.append(header.key()).append(utf8(header.value()));
      }
    }
    return text.toString();
  }

  private static String utf8(byte[] bytes) {
    return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
  }
}
