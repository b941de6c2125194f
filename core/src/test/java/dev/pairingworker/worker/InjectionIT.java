package dev.pairingworker.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pairingworker.command.Json;
import dev.pairingworker.simulator.RecordedRequest;
import dev.pairingworker.support.WorkerFixture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Path-traversal, URL-syntax, CR/LF and overlong values in every field and header. Those that could
 * change a URL or an HTTP header are rejected before PingOne; the key and the session header, which
 * PingOne receives only as sanitised header values, are checked on the wire.
 */
class InjectionIT {
  private static final String USER = "abcdef00-0000-4000-8000-000000000077";
  private static final String KEY_ID = "11111111-1111-4111-8111-111111111111";
  private static final String OVERLONG = "a".repeat(2000);
  private static final Map<String, String> PAYLOADS =
      Map.of(
          "dot-dot-slash", "../",
          "encoded-dots", "%2e%2e",
          "query", "?x=1",
          "fragment", "#x",
          "crlf", "\r\nX-Injected: yes",
          "overlong", OVERLONG);
  private static final AtomicInteger CASES = new AtomicInteger();

  /** Receives only records that must be rejected: its simulator must never hear from it. */
  private static WorkerFixture rejecting;

  /** Receives valid commands carrying hostile keys and session IDs. */
  private static WorkerFixture executing;

  @BeforeAll
  static void start() {
    rejecting = WorkerFixture.start();
    executing = WorkerFixture.start();
  }

  @AfterAll
  static void stop() {
    rejecting.close();
    executing.close();
  }

  static Stream<Arguments> rejectedValues() {
    List<Arguments> cases = new ArrayList<>();
    for (String target :
        List.of(
            "op",
            "environmentId",
            "userId",
            "pairingKeyId",
            "expiresAt",
            "body",
            "header:kafka_replyTopic")) {
      PAYLOADS.forEach((name, payload) -> cases.add(Arguments.of(target, name, payload)));
    }
    cases.add(Arguments.of("header:X-Ping-External-Session-ID", "crlf", PAYLOADS.get("crlf")));
    cases.add(Arguments.of("header:X-Ping-External-Session-ID", "overlong", OVERLONG));
    cases.add(Arguments.of("header:kafka_correlationId", "overlong", OVERLONG));
    cases.add(Arguments.of("key", "overlong", OVERLONG));
    return cases.stream();
  }

  @ParameterizedTest(name = "{1} in {0}")
  @MethodSource("rejectedValues")
  void aHostileValueIsRejectedAndNeverReachesPingOne(String target, String name, String payload)
      throws Exception {
    String key = "inj-" + CASES.incrementAndGet() + "-" + name;
    Map<String, Object> command = new HashMap<>(getCommand());
    Map<String, String> headers = new HashMap<>();
    switch (target) {
      case "op" -> command.put("op", "get" + payload);
      case "environmentId", "userId", "pairingKeyId" ->
          command.put(target, command.get(target) + payload);
      case "expiresAt" -> command.put("expiresAt", "2099-12-01T09:00:00Z" + payload);
      case "body" -> {
        command.put("op", "create");
        command.remove("pairingKeyId");
        command.put(
            "body", payload.equals(OVERLONG) ? Map.of("note", OVERLONG.repeat(5)) : payload);
      }
      case "key" -> key = key + payload;
      default -> headers.put(target.substring("header:".length()), "replies" + payload);
    }
    if (target.equals("header:X-Ping-External-Session-ID")) {
      headers.put("X-Ping-External-Session-ID", "session" + payload);
    }

    rejecting.client.send(key, json(command), headers).get(30, TimeUnit.SECONDS);
    JsonNode reply = rejecting.json(rejecting.client.reply(key).get(30, TimeUnit.SECONDS));

    assertThat(reply.path("status").asText()).isEqualTo("REJECTED");
    assertThat(reply.path("error").path("target").asText()).isEqualTo(target);
    // Only the start-up token probe may have reached PingOne: no API call, and no token request
    // made
    // on behalf of a command.
    assertThat(rejecting.apiRequests()).isEmpty();
    assertThat(rejecting.simulator.requests())
        .allMatch(RecordedRequest::isTokenRequest)
        .hasSizeLessThanOrEqualTo(1);
  }

  static Stream<Arguments> sanitisedValues() {
    return Stream.of(
        Arguments.of("key", "../../environments"),
        Arguments.of("key", "%2e%2e/%2F"),
        Arguments.of("key", "a?b=c"),
        Arguments.of("key", "a#b"),
        Arguments.of("key", "a\r\nX-Injected: yes"),
        Arguments.of("session", "../../environments"),
        Arguments.of("session", "%2e%2e"),
        Arguments.of("session", "a?b=c"),
        Arguments.of("session", "a#b"),
        Arguments.of("correlation", "../\r\n?#%2e%2e"));
  }

  @ParameterizedTest(name = "{1} in the {0}")
  @MethodSource("sanitisedValues")
  void aHostileKeyOrHeaderReachesPingOneOnlyAsASanitisedHeaderValue(String where, String payload)
      throws Exception {
    String user = UUID.randomUUID().toString();
    String key = where.equals("key") ? "inj-" + CASES.incrementAndGet() + payload : "inj-" + user;
    Map<String, String> headers =
        switch (where) {
          case "session" -> Map.of("X-Ping-External-Session-ID", payload);
          case "correlation" -> Map.of("kafka_correlationId", payload);
          default -> Map.of();
        };

    ConsumerRecord<byte[], byte[]> record =
        executing.call(key, executing.get(user, KEY_ID), headers);

    assertThat(executing.json(record).path("httpStatus").asInt()).isEqualTo(404);
    List<RecordedRequest> seen =
        executing.apiRequests().stream().filter(r -> r.path().contains(user)).toList();
    assertThat(seen).hasSize(1);
    RecordedRequest request = seen.get(0);
    assertThat(request.path())
        .endsWith(
            "/environments/" + WorkerFixture.ENV + "/users/" + user + "/pairingKeys/" + KEY_ID);
    assertThat(request.transactionId()).matches("[A-Za-z0-9._/@=#+-]{1,100}");
    if (where.equals("session")) {
      assertThat(request.sessionId()).matches("[A-Za-z0-9._/@=#+-]{1,100}");
    } else {
      assertThat(request.sessionId()).isNull();
    }
  }

  private static Map<String, Object> getCommand() {
    return Map.of(
        "op", "get", "environmentId", WorkerFixture.ENV, "userId", USER, "pairingKeyId", KEY_ID);
  }

  private static String json(Map<String, Object> command) throws Exception {
    return Json.mapper().writeValueAsString(command);
  }
}
