package dev.pairingworker.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pairingworker.metrics.Metric;
import dev.pairingworker.support.WorkerFixture;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 4: PingOne may answer 404 for a key read right after its creation. The simulator
 * hides a new key from reads and deletes for 1.5 s; the worker retries a 404 for a key it created
 * less than {@code pingone.retry.not-found-grace} (2 s by default) ago.
 */
class NotFoundGraceIT {
  /**
   * Within the default grace of 2 s, and long enough that a loaded test machine stays within it.
   */
  private static final Duration LAG = Duration.ofMillis(1500);

  @Test
  void aKeyReadOrDeletedRightAfterItsCreationIsFoundOrReallyDeleted() throws Exception {
    try (WorkerFixture fx = WorkerFixture.start()) {
      fx.simulator.setReplicationLag(LAG);
      String reader = UUID.randomUUID().toString();
      String deleter = UUID.randomUUID().toString();
      String read = createdKey(fx, "lag-create-read", reader);
      String delete = createdKey(fx, "lag-create-delete", deleter);
      // Two users, so the get and the delete run at once, both well within the lag.
      CompletableFuture<?> get = send(fx, "lag-get", fx.get(reader, read));
      CompletableFuture<?> deleted = send(fx, "lag-delete", fx.delete(deleter, delete));
      get.get(30, TimeUnit.SECONDS);
      deleted.get(30, TimeUnit.SECONDS);

      JsonNode got = fx.json(fx.client.reply("lag-get").get());
      assertThat(got.path("status").asText()).isEqualTo("SUCCEEDED");
      assertThat(got.path("pairingKey").path("id").asText()).isEqualTo(read);
      assertThat(got.path("attempts").asInt()).as("the first read met the lag").isGreaterThan(1);
      JsonNode gone = fx.json(fx.client.reply("lag-delete").get());
      assertThat(gone.path("status").asText()).isEqualTo("SUCCEEDED");
      assertThat(gone.path("httpStatus").asInt()).isEqualTo(204);
      assertThat(gone.has("alreadyAbsent")).as("the key was there: it was deleted").isFalse();
      assertThat(gone.path("attempts").asInt()).as("the first delete met the lag").isGreaterThan(1);
      assertThat(fx.simulator.validKeyCount(WorkerFixture.ENV, deleter)).isZero();
      assertThat(
              fx.worker
                  .metrics()
                  .registry()
                  .get(Metric.RETRIES.meterName())
                  .tag("reason", "status_404")
                  .counters())
          .as("the retries of a 404 are counted")
          .isNotEmpty();
    }
  }

  @Test
  void aKeyThisWorkerDidNotJustCreateIsAnswered404AtOnce() throws Exception {
    try (WorkerFixture fx = WorkerFixture.start()) {
      fx.simulator.setReplicationLag(LAG);
      String user = UUID.randomUUID().toString();

      JsonNode unknown = fx.callJson("never-created", fx.get(user, UUID.randomUUID().toString()));
      assertThat(unknown.path("httpStatus").asInt()).isEqualTo(404);
      assertThat(unknown.path("attempts").asInt()).isEqualTo(1);
      assertThat(unknown.path("durationMs").asLong()).isLessThan(LAG.toMillis());

      String keyId = createdKey(fx, "deleted-then", user);
      assertThat(fx.callJson("deleted-first", fx.delete(user, keyId)).path("httpStatus").asInt())
          .isEqualTo(204);
      JsonNode again = fx.callJson("deleted-again", fx.delete(user, keyId));
      assertThat(again.path("alreadyAbsent").asBoolean())
          .as("a key this worker deleted is gone: no grace")
          .isTrue();
      assertThat(again.path("attempts").asInt()).isEqualTo(1);
    }
  }

  @Test
  void withoutTheGraceTheLagShowsAsAFalseAbsence() throws Exception {
    try (WorkerFixture fx =
        WorkerFixture.start(s -> s, Map.of("pingone.retry.not-found-grace", "0s"))) {
      fx.simulator.setReplicationLag(LAG);
      String user = UUID.randomUUID().toString();
      String keyId = createdKey(fx, "no-grace-create", user);

      JsonNode deleted = fx.callJson("no-grace-delete", fx.delete(user, keyId));
      assertThat(deleted.path("alreadyAbsent").asBoolean())
          .as("what the grace prevents: a key that exists reported absent")
          .isTrue();
      assertThat(fx.simulator.validKeyCount(WorkerFixture.ENV, user)).isEqualTo(1);
    }
  }

  private static String createdKey(WorkerFixture fx, String key, String user) throws Exception {
    JsonNode reply = fx.callJson(key, fx.create(user));
    assertThat(reply.path("status").asText()).isEqualTo("SUCCEEDED");
    return reply.path("pairingKey").path("id").asText();
  }

  private static CompletableFuture<?> send(WorkerFixture fx, String key, String value) {
    fx.client.send(key, value, Map.of());
    return fx.client.reply(key);
  }
}
