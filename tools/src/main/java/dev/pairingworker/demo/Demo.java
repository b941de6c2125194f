package dev.pairingworker.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pairingworker.broker.EmbeddedKafkaBroker;
import dev.pairingworker.client.CommandClient;
import dev.pairingworker.command.Json;
import dev.pairingworker.config.WorkerConfig;
import dev.pairingworker.kafka.Topics;
import dev.pairingworker.simulator.PingOneSimulator;
import dev.pairingworker.simulator.SimulatorSettings;
import dev.pairingworker.testkit.SimulatedPingOne;
import dev.pairingworker.worker.Worker;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Everything in one process: the broker, the PingOne simulator and the worker, then a handful of
 * sample commands whose replies are printed. Pairing codes are masked in the printed replies.
 */
public final class Demo implements AutoCloseable {
  static final String ENVIRONMENT = "5a1e0c2d-3b4f-4a6e-8d7c-9f0e1d2c3b4a";
  private static final String COMMANDS = "pingone.pairing-keys.commands";
  private static final String REPLIES = "pingone.pairing-keys.replies";
  private static final String DEAD_LETTER = "pingone.pairing-keys.dead-letter";

  private final PrintStream out;
  private final ObjectMapper json = Json.mapper();
  private final EmbeddedKafkaBroker broker;
  private final PingOneSimulator simulator;
  private final Worker worker;
  private final CommandClient client;

  private Demo(PrintStream out, int metricsPort) throws IOException, InterruptedException {
    this.out = out;
    out.println("Starting an in-process Kafka broker (KRaft) ...");
    broker = EmbeddedKafkaBroker.startTemporary("pairing-worker-demo");
    Map<String, Object> kafka = Map.of("bootstrap.servers", broker.bootstrapServers());
    Topics.ensure(kafka, Map.of(COMMANDS, 3, REPLIES, 3, DEAD_LETTER, 1));
    SimulatorSettings sim = SimulatorSettings.defaults();
    simulator = PingOneSimulator.start(sim);
    worker =
        Worker.start(
            WorkerConfig.of(
                SimulatedPingOne.workerSettings(simulator, sim, ENVIRONMENT)
                    .kafka(broker.bootstrapServers())
                    .metricsPort(metricsPort)
                    .toMap()));
    client = new CommandClient(kafka, COMMANDS, REPLIES).awaitListening(Duration.ofSeconds(30));
    out.printf(
        "%nKafka broker:       %s%nPingOne simulator:  %s%nWorker metrics:     http://localhost:%d/metrics"
            + "  (health: /health/live, /health/ready)%n%n",
        broker.bootstrapServers(), simulator.apiBaseUrl(), worker.metricsPort());
  }

  /** Starts the demo; {@code metricsPort} 0 picks a free port. */
  public static Demo start(PrintStream out, int metricsPort)
      throws IOException, InterruptedException {
    return new Demo(out, metricsPort);
  }

  /** Sends the samples one after the other and prints each reply. */
  public void runSamples() throws Exception {
    String user = UUID.randomUUID().toString();
    // The simulator is a strict tenant, as PingOne is: it knows only the users seeded in it.
    simulator.addUsers(ENVIRONMENT, List.of(user));
    String createKey = key("demo-create");
    JsonNode created =
        send(
            createKey,
            command("create", user, null),
            Map.of(
                "X-Ping-External-Session-ID",
                "demo-session",
                "kafka_correlationId",
                "demo-correlation-1"));
    String keyId = created.path("pairingKey").path("id").asText();
    out.println(
        "The same create again (same key, as after a redelivery): replayed from the ledger.");
    client.forget(createKey);
    send(createKey, command("create", user, null), Map.of());
    send(key("demo-get"), command("get", user, keyId), Map.of());
    send(key("demo-delete"), command("delete", user, keyId), Map.of());
    send(key("demo-get-after-delete"), command("get", user, keyId), Map.of());
    send(key("demo-delete-again"), command("delete", user, keyId), Map.of());
    ObjectNode invalid = command("get", "../../admin", keyId);
    send(key("demo-invalid"), invalid, Map.of());
    ObjectNode expired =
        command("create", user, null).put("expiresAt", Instant.now().minusSeconds(60).toString());
    send(key("demo-expired"), expired, Map.of());
    out.println("The invalid command is also on the dead-letter topic " + DEAD_LETTER + ".");
    printMetrics();
  }

  private ObjectNode command(String op, String user, String keyId) {
    ObjectNode node =
        json.createObjectNode().put("op", op).put("environmentId", ENVIRONMENT).put("userId", user);
    if (keyId != null) {
      node.put("pairingKeyId", keyId);
    }
    return node;
  }

  private static String key(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private JsonNode send(String key, ObjectNode command, Map<String, String> headers)
      throws Exception {
    out.printf(
        "-> %s  key=%s%n   %s%n",
        command.path("op").asText(), key, json.writeValueAsString(command));
    client.send(key, json.writeValueAsString(command), headers).get(30, TimeUnit.SECONDS);
    var record = client.reply(key).get(30, TimeUnit.SECONDS);
    JsonNode reply = json.readTree(record.value());
    out.printf(
        "<- %s%n   %s%n%n", reply.path("status").asText(), json.writeValueAsString(masked(reply)));
    return reply;
  }

  private static JsonNode masked(JsonNode reply) {
    JsonNode copy = reply.deepCopy();
    if (copy.path("pairingKey").has("code")) {
      ((ObjectNode) copy.get("pairingKey")).put("code", "************ (masked by the demo)");
    }
    return copy;
  }

  private void printMetrics() throws IOException, InterruptedException {
    String scrape =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + worker.metricsPort() + "/metrics"))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
            .body();
    out.println("From http://localhost:" + worker.metricsPort() + "/metrics:");
    scrape
        .lines()
        .filter(l -> l.startsWith("pairing_worker_commands_total"))
        .forEach(l -> out.println("  " + l));
  }

  @Override
  public void close() {
    client.close();
    worker.close();
    simulator.close();
    broker.close();
  }
}
