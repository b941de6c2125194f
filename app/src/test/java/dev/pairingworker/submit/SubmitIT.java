package dev.pairingworker.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pairingworker.support.TestKafka;
import dev.pairingworker.support.WorkerFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code submit} against a real broker, the worker and the simulator. */
class SubmitIT {
  private static final String UUID_PATTERN =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @TempDir Path dir;
  private WorkerFixture fixture;
  private Path config;

  @BeforeEach
  void start() throws Exception {
    fixture = WorkerFixture.start(s -> s, Map.of(), 3);
    config = dir.resolve("worker.properties");
    Files.writeString(
        config,
        String.join(
            "\n",
            "kafka.bootstrap.servers=" + TestKafka.bootstrapServers(),
            "worker.topic.commands=" + fixture.commands,
            "worker.topic.replies=" + fixture.replies,
            "pingone.environment.id=" + WorkerFixture.ENV,
            "pingone.client.id=simulator-client",
            "pingone.client.secret=simulator-secret",
            ""));
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void aThousandRowsAreCreatedOnceEvenWhenTheRunIsRepeatedOrResumed() throws Exception {
    List<String> users = users(1000);
    Path csv = csv("users.csv", users);
    Path results = dir.resolve("results.csv");

    SubmitRun first = submit("--csv", csv.toString(), "--wait", "--results", results.toString());

    assertThat(first.exitCode()).isZero();
    assertThat(first.output())
        .contains("succeeded 1000, failed 0, rejected 0, expired 0, unanswered 0, invalid rows 0");
    List<List<String>> rows = rows(results);
    assertThat(rows.get(0))
        .containsExactly(
            "transactionId", "status", "pairingKeyId", "httpStatus", "errorCode", "errorMessage");
    assertThat(rows.subList(1, rows.size()))
        .hasSize(1000)
        .allSatisfy(
            row -> {
              assertThat(row.get(1)).isEqualTo("SUCCEEDED");
              assertThat(row.get(2)).matches(UUID_PATTERN);
              assertThat(row.get(3)).isEqualTo("201");
            })
        .extracting(row -> row.get(0))
        .doesNotHaveDuplicates()
        .allMatch(id -> id.matches("submit-[0-9a-f]{16}-\\d+"));
    assertThat(creates()).isEqualTo(1000);
    assertThat(first.output()).doesNotContain(pairingCodes());

    SubmitRun again = submit("--csv", csv.toString(), "--wait", "--results", results.toString());

    assertThat(again.exitCode()).isZero();
    assertThat(again.output()).contains("succeeded 1000,").contains("(1000 answered in an earlier");
    assertThat(rows(results)).hasSize(1001);

    // An interrupted run: the results file holds only part of the answers it received.
    List<String> lines = Files.readAllLines(results);
    Files.write(results, lines.subList(0, 401));
    SubmitRun resumed = submit("--csv", csv.toString(), "--wait", "--results", results.toString());

    assertThat(resumed.exitCode()).isZero();
    assertThat(resumed.output())
        .contains("succeeded 1000,")
        .contains("(400 answered in an earlier");
    assertThat(rows(results).subList(1, 1001))
        .extracting(row -> row.get(0))
        .doesNotHaveDuplicates()
        .hasSize(1000);
    assertThat(creates()).isEqualTo(1000);
    assertThat(users)
        .allMatch(user -> fixture.simulator.validKeyCount(WorkerFixture.ENV, user) == 1);
  }

  @Test
  void aProcessStoppedHalfwayAndRunAgainCreatesEveryKeyOnce() throws Exception {
    List<String> users = users(300);
    Path csv = csv("users.csv", users);
    Path results = dir.resolve("results.csv");
    Process first = process("--csv", csv.toString(), "--wait", "--results", results.toString());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> Files.exists(results) && Files.readAllLines(results).size() > 50);

    first.destroy();

    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readAllLines(results).size()).isLessThan(301);
    SubmitRun again = submit("--csv", csv.toString(), "--wait", "--results", results.toString());
    assertThat(again.exitCode()).isZero();
    assertThat(again.output())
        .contains("succeeded 300, failed 0, rejected 0, expired 0, unanswered 0");
    assertThat(rows(results).subList(1, 301))
        .extracting(row -> row.get(0))
        .doesNotHaveDuplicates()
        .hasSize(300);
    assertThat(rows(results)).hasSize(301);
    assertThat(creates()).isEqualTo(300);
    assertThat(users)
        .allMatch(user -> fixture.simulator.validKeyCount(WorkerFixture.ENV, user) == 1);
  }

  @Test
  void rowsSentWithoutWaitingAreNotSentAgainWhenWaitingForTheirReplies() throws Exception {
    List<String> users = users(50);
    Path csv = csv("users.csv", users);
    Path results = dir.resolve("results.csv");

    SubmitRun sent = submit("--csv", csv.toString());
    SubmitRun waited =
        submit(
            "--csv", csv.toString(), "--wait", "--results", results.toString(), "--include-codes");

    assertThat(sent.exitCode()).isZero();
    assertThat(waited.exitCode()).isZero();
    assertThat(waited.output())
        .contains("succeeded 50, failed 0, rejected 0, expired 0, unanswered 0")
        .doesNotContain(pairingCodes());
    List<List<String>> rows = rows(results);
    assertThat(rows.get(0)).endsWith("code");
    assertThat(rows.subList(1, rows.size()))
        .hasSize(50)
        .allSatisfy(row -> assertThat(row.get(6)).matches("\\d{12}"));
    assertThat(creates()).isEqualTo(50);
  }

  @Test
  void invalidRowsAreReportedAndNotSent() throws Exception {
    String user = UUID.randomUUID().toString();
    Path csv = dir.resolve("keys.csv");
    Files.writeString(
        csv,
        WorkerFixture.ENV + "," + user + "\n" + WorkerFixture.ENV + ",NOT-A-UUID,x\n",
        StandardCharsets.UTF_8);

    SubmitRun run = submit("--csv", csv.toString(), "--op", "delete", "--wait");

    assertThat(run.exitCode()).isZero();
    assertThat(run.output())
        .contains("not sent: line 1: pairingKeyId must be a lowercase UUID for delete")
        .contains("not sent: line 2: userId must be a lowercase UUID")
        .contains("unanswered 0, invalid rows 2");
    assertThat(fixture.apiRequests()).isEmpty();
  }

  @Test
  void aRunIdAlreadyUsedForAnotherOpIsRefusedRatherThanTakenAsDone() throws Exception {
    List<String> users = users(3);
    Path created = dir.resolve("created.csv");
    submit(
        "--csv",
        csv("users.csv", users).toString(),
        "--run-id",
        "batch-1",
        "--wait",
        "--results",
        created.toString());
    Map<String, String> keyIds =
        rows(created).stream().skip(1).collect(Collectors.toMap(r -> r.get(0), r -> r.get(2)));
    List<String> lines = new ArrayList<>(List.of("environmentId,userId,pairingKeyId"));
    for (int i = 0; i < users.size(); i++) {
      lines.add(WorkerFixture.ENV + "," + users.get(i) + "," + keyIds.get("batch-1-" + (i + 2)));
    }
    Path keys = Files.write(dir.resolve("keys.csv"), lines);

    SubmitRun reused =
        submit("--csv", keys.toString(), "--op", "delete", "--run-id", "batch-1", "--wait");
    SubmitRun fresh = submit("--csv", keys.toString(), "--op", "delete", "--wait");

    assertThat(reused.output())
        .contains(
            "not sent: line 2: transactionId batch-1-2 was already used for a create command"
                + " (choose another --run-id)")
        .contains("succeeded 0, failed 0, rejected 0, expired 0, unanswered 0, invalid rows 3");
    assertThat(fresh.output())
        .contains("succeeded 3, failed 0, rejected 0, expired 0, unanswered 0");
    assertThat(fixture.apiRequests()).filteredOn(r -> r.method().equals("DELETE")).hasSize(3);
    assertThat(users)
        .allMatch(user -> fixture.simulator.validKeyCount(WorkerFixture.ENV, user) == 0);
  }

  private SubmitRun submit(String... args) {
    return SubmitRun.inProcess(config, args);
  }

  private Process process(String... args) throws Exception {
    return SubmitRun.process(config, dir.resolve("submit.log"), args);
  }

  private static List<String> users(int count) {
    return Stream.generate(() -> UUID.randomUUID().toString()).limit(count).toList();
  }

  /** A CSV of the users, who are seeded in the (strict) simulator. */
  private Path csv(String name, List<String> users) throws Exception {
    fixture.seedUsers(users.toArray(String[]::new));
    List<String> lines = new ArrayList<>(List.of("environmentId,userId"));
    users.forEach(user -> lines.add(WorkerFixture.ENV + "," + user));
    return Files.write(dir.resolve(name), lines);
  }

  private static List<List<String>> rows(Path results) throws Exception {
    return Files.readAllLines(results).stream().map(Csv::fields).toList();
  }

  private long creates() {
    return fixture.apiRequests().stream().filter(r -> r.method().equals("POST")).count();
  }

  /** Every pairing code the worker published so far. */
  private String[] pairingCodes() {
    return fixture.allReplies().stream()
        .map(fixture::json)
        .map(reply -> reply.path("pairingKey").path("code"))
        .filter(JsonNode::isTextual)
        .map(JsonNode::asText)
        .toArray(String[]::new);
  }
}
