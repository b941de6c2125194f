package dev.pairingworker.security;

import static dev.pairingworker.support.ScramKafka.allow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pairingworker.client.CommandClient;
import dev.pairingworker.command.Json;
import dev.pairingworker.config.WorkerConfig;
import dev.pairingworker.simulator.PingOneSimulator;
import dev.pairingworker.simulator.SimulatorSettings;
import dev.pairingworker.support.CapturedLogs;
import dev.pairingworker.support.Commands;
import dev.pairingworker.support.ScramKafka;
import dev.pairingworker.support.WorkerTopics;
import dev.pairingworker.testkit.SimulatedPingOne;
import dev.pairingworker.worker.Worker;
import io.micrometer.core.instrument.Counter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worker against a broker that authenticates with SCRAM-SHA-512 and grants nothing without an
 * ACL. The worker's principal holds exactly the ACLs docs/security.md recommends; a separate
 * "provisioner" principal writes commands and reads replies, as a real caller would.
 */
class SaslScramIT {
  private static final String WORKER = "worker";
  private static final String PROVISIONER = "provisioner";
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static ScramKafka kafka;
  private static PingOneSimulator simulator;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    kafka = ScramKafka.start(WORKER, PROVISIONER);
    simulator = PingOneSimulator.start(SimulatorSettings.defaults());
  }

  @AfterAll
  static void stop() {
    if (simulator != null) {
      simulator.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void withItsScramCredentialsAndTheRecommendedAclsTheWorkerAnswersACreate() throws Exception {
    WorkerTopics topics = WorkerTopics.fresh();
    kafka.createTopics(topics.commands(), topics.replies(), topics.deadLetter(), topics.ledger());
    kafka.grant(workerAcls(topics));
    kafka.grant(provisionerAcls(topics));

    try (Worker worker = startWorker(topics, kafka.password(WORKER));
        CommandClient client = provisioner(topics)) {
      String user = UUID.randomUUID().toString();
      client.send("sasl-create-" + user, create(user), Map.of()).get(30, TimeUnit.SECONDS);
      ConsumerRecord<byte[], byte[]> reply =
          client.reply("sasl-create-" + user).get(60, TimeUnit.SECONDS);

      JsonNode json = Json.mapper().readTree(reply.value());
      assertThat(json.path("status").asText()).isEqualTo("SUCCEEDED");
      assertThat(json.path("httpStatus").asInt()).isEqualTo(201);
      assertThat(json.path("pairingKey").path("code").asText()).matches("\\d{12}");
      assertThat(json.path("pairingKey").path("user").path("id").asText()).isEqualTo(user);
      assertThat(readiness(worker).statusCode()).isEqualTo(200);

      client.send("sasl-invalid", create("NOT-A-UUID"), Map.of()).get(30, TimeUnit.SECONDS);
      JsonNode rejected =
          Json.mapper().readTree(client.reply("sasl-invalid").get(60, TimeUnit.SECONDS).value());
      assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
      assertThat(kafka.read(topics.deadLetter(), 1))
          .singleElement()
          .satisfies(dead -> assertThat(dead.key()).asString().isEqualTo("sasl-invalid"));
      assertThat(replySendFailures(worker)).isZero();
      assertThat(worker.failure()).isNull();
    }
  }

  @Test
  void withAWrongPasswordTheWorkerStopsByItselfNamingTheAuthenticationFailure() throws Exception {
    WorkerTopics topics = WorkerTopics.fresh();
    kafka.createTopics(topics.commands(), topics.replies(), topics.deadLetter(), topics.ledger());
    kafka.grant(workerAcls(topics));
    String wrongPassword = "wrong-" + UUID.randomUUID();

    try (CapturedLogs logs = CapturedLogs.start();
        Worker worker = startWorker(topics, wrongPassword)) {
      await().atMost(PATIENCE).until(() -> worker.failure() != null);

      assertThat(worker.failure())
          .isInstanceOf(SaslAuthenticationException.class)
          .hasMessageContaining("invalid credentials")
          .hasMessageContaining(ScramKafka.MECHANISM);
      HttpResponse<String> ready = readiness(worker);
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body())
          .contains("\"status\":\"DOWN\"")
          .contains("\"pollLoopRunning\":false");
      assertThat(logs.text())
          .contains("The command consumer failed; the worker stops")
          .contains(SaslAuthenticationException.class.getName());
      for (String secret : List.of(wrongPassword, kafka.password(WORKER))) {
        assertThat(worker.failure().toString()).doesNotContain(secret);
        assertThat(ready.body()).doesNotContain(secret);
        assertThat(logs.text()).doesNotContain(secret);
      }
    }
  }

  /**
   * A plaintext client on a SASL listener is not an authentication failure to the Kafka client: the
   * broker closes each connection and the client reconnects forever. The worker therefore keeps
   * running but is never ready and never takes a command.
   */
  @Test
  void withoutSaslSettingsTheWorkerStopsClearlyWhenItCannotJoinItsGroup() throws Exception {
    WorkerTopics topics = WorkerTopics.fresh();
    kafka.createTopics(topics.commands(), topics.replies(), topics.deadLetter(), topics.ledger());
    kafka.grant(workerAcls(topics));
    kafka.grant(provisionerAcls(topics));
    String user = UUID.randomUUID().toString();

    try (CapturedLogs logs = CapturedLogs.start();
        Worker worker =
            startWorker(
                topics,
                Map.of(
                    "kafka.bootstrap.servers",
                    kafka.saslBootstrapServers(),
                    "worker.join.timeout",
                    "5s"));
        CommandClient client = provisioner(topics)) {
      client.send("no-sasl-" + user, create(user), Map.of()).get(30, TimeUnit.SECONDS);

      // The broker drops every connection without SASL; the client would retry forever, so the
      // worker gives up once worker.join.timeout has passed without joining its group.
      await().atMost(Duration.ofSeconds(60)).until(() -> worker.failure() != null);
      assertThat(worker.failure())
          .hasMessageContaining("did not join its group within PT5S (worker.join.timeout)")
          .hasMessageContaining("kafka.security.protocol");
      assertThat(readiness(worker).statusCode()).isEqualTo(503);
      assertThat(client.reply("no-sasl-" + user)).isNotDone();
      assertThat(simulator.requests()).noneMatch(r -> r.path().contains(user));
      assertThat(logs.text())
          .contains("The command consumer failed; the worker stops")
          .contains("Bootstrap broker " + kafka.saslBootstrapServers())
          .contains("disconnected");
    }
  }

  /**
   * A reply the broker refuses is retried, counted and logged, and its command stays uncommitted:
   * once the operator grants WRITE, the same reply arrives, and PingOne was called only once.
   */
  @Test
  void aReplyTheBrokerRefusesIsRetriedVisiblyUntilWriteIsGranted() throws Exception {
    WorkerTopics topics = WorkerTopics.fresh();
    kafka.createTopics(topics.commands(), topics.replies(), topics.deadLetter(), topics.ledger());
    AclBinding writeReplies = writeReplies(topics);
    kafka.grant(workerAcls(topics).stream().filter(acl -> !acl.equals(writeReplies)).toList());
    kafka.grant(provisionerAcls(topics));
    String user = UUID.randomUUID().toString();

    try (CapturedLogs logs = CapturedLogs.start();
        Worker worker = startWorker(topics, kafka.password(WORKER));
        CommandClient client = provisioner(topics)) {
      client.send("refused-" + user, create(user), Map.of()).get(30, TimeUnit.SECONDS);
      await().atMost(PATIENCE).until(() -> replySendFailures(worker) >= 1);

      assertThat(logs.text())
          .contains("Could not publish to topic " + topics.replies())
          .contains("TopicAuthorizationException");
      assertThat(client.reply("refused-" + user)).isNotDone();

      kafka.grant(List.of(writeReplies));
      ConsumerRecord<byte[], byte[]> reply =
          client.reply("refused-" + user).get(60, TimeUnit.SECONDS);

      assertThat(Json.mapper().readTree(reply.value()).path("status").asText())
          .isEqualTo("SUCCEEDED");
      assertThat(simulator.requests().stream().filter(r -> r.path().contains(user))).hasSize(1);
      assertThat(worker.failure()).isNull();
    }
  }

  private Worker startWorker(WorkerTopics topics, String password) {
    return startWorker(topics, kafka.workerSettings(WORKER, password));
  }

  private Worker startWorker(WorkerTopics topics, Map<String, String> kafkaSettings) {
    return Worker.start(
        WorkerConfig.of(
            SimulatedPingOne.workerSettings(simulator, SimulatorSettings.defaults(), Commands.ENV)
                .setAll(kafkaSettings)
                .setAll(topics.settings())
                .metricsPort(0)
                .toMap()));
  }

  private static double replySendFailures(Worker worker) {
    Counter failures =
        worker.metrics().registry().find("pairing_worker.reply.send.failures").counter();
    return failures == null ? 0 : failures.count();
  }

  private static CommandClient provisioner(WorkerTopics topics) throws InterruptedException {
    return new CommandClient(kafka.clientSettings(PROVISIONER), topics.commands(), topics.replies())
        .awaitListening(Duration.ofSeconds(30));
  }

  /**
   * The minimum docs/security.md recommends. READ implies DESCRIBE and WRITE implies DESCRIBE;
   * WRITE on a topic is enough for the idempotent producer's InitProducerId (KIP-679), so no
   * cluster IDEMPOTENT_WRITE.
   */
  static List<AclBinding> workerAcls(WorkerTopics topics) {
    return List.of(
        allow(WORKER, ResourceType.TOPIC, topics.commands(), AclOperation.READ),
        allow(WORKER, ResourceType.GROUP, topics.group(), AclOperation.READ),
        writeReplies(topics),
        allow(WORKER, ResourceType.TOPIC, topics.deadLetter(), AclOperation.WRITE),
        allow(WORKER, ResourceType.TOPIC, topics.ledger(), AclOperation.READ),
        allow(WORKER, ResourceType.TOPIC, topics.ledger(), AclOperation.WRITE));
  }

  private static AclBinding writeReplies(WorkerTopics topics) {
    return allow(WORKER, ResourceType.TOPIC, topics.replies(), AclOperation.WRITE);
  }

  private static List<AclBinding> provisionerAcls(WorkerTopics topics) {
    return List.of(
        allow(PROVISIONER, ResourceType.TOPIC, topics.commands(), AclOperation.WRITE),
        allow(PROVISIONER, ResourceType.TOPIC, topics.replies(), AclOperation.READ));
  }

  /** A create command; a well-formed user is seeded in the (strict) simulator first. */
  private static String create(String user) {
    if (!user.equals("NOT-A-UUID")) {
      simulator.addUsers(Commands.ENV, List.of(user));
    }
    return "{\"op\":\"create\",\"environmentId\":\""
        + Commands.ENV
        + "\",\"userId\":\""
        + user
        + "\"}";
  }

  private HttpResponse<String> readiness(Worker worker) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + worker.metricsPort() + "/health/ready"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
