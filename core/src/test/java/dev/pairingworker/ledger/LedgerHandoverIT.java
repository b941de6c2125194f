package dev.pairingworker.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairingworker.command.Command;
import dev.pairingworker.command.Json;
import dev.pairingworker.command.Op;
import dev.pairingworker.command.RecordSource;
import dev.pairingworker.command.ReplyRoute;
import dev.pairingworker.kafka.AcknowledgedSender;
import dev.pairingworker.kafka.KafkaClients;
import dev.pairingworker.kafka.Topics;
import dev.pairingworker.metrics.WorkerMetrics;
import dev.pairingworker.support.Commands;
import dev.pairingworker.support.TestKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A partition's new owner and a create its previous owner started and may still be finishing, on a
 * real broker: two ledgers, as two workers hold them, on one ledger topic.
 */
class LedgerHandoverIT {
  private static final Duration WAIT = Duration.ofSeconds(4);

  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String commands = "handover-commands-" + suffix;
  private final String ledgerTopic = "handover-ledger-" + suffix;
  private final TopicPartition partition = new TopicPartition(commands, 0);
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();

  @BeforeEach
  void topics() throws Exception {
    try (Admin admin = Admin.create(TestKafka.clientSettings())) {
      admin
          .createTopics(List.of(new NewTopic(commands, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    Topics.ensureLedger(TestKafka.clientSettings(), ledgerTopic, 1, Duration.ofDays(7));
  }

  @AfterEach
  void close() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
    retries.shutdownNow();
  }

  @Test
  void aCreateThePreviousOwnerCompletesAfterTheHandOverIsReplayedNotRunAgain() throws Exception {
    KafkaLedger previous = ledger(dynamicMember());
    Command create = startedIn(previous, "tx-completed");
    KafkaLedger next = restored(dynamicMember());

    CompletableFuture<Recorded> lookup = next.lookup(create);
    Thread.sleep(500);
    assertThat(lookup).as("waits while the previous owner may finish the call").isNotDone();

    previous
        .completed(create, CreateReplies.succeeded("tx-completed", "secret-code", Instant.now()))
        .get(30, TimeUnit.SECONDS);

    Recorded found = lookup.get(30, TimeUnit.SECONDS);
    assertThat(found).isInstanceOf(Recorded.Completed.class);
    assertThat(((Recorded.Completed) found).reply().transactionId()).isEqualTo("tx-completed");
    assertThat(next.lookup(create).get(30, TimeUnit.SECONDS))
        .as("a later repeat finds it in memory")
        .isInstanceOf(Recorded.Completed.class);
  }

  @Test
  void aCreateThePreviousOwnerWithdrawsRunsAsNew() throws Exception {
    KafkaLedger previous = ledger(dynamicMember());
    Command create = startedIn(previous, "tx-withdrawn");
    KafkaLedger next = restored(dynamicMember());

    CompletableFuture<Recorded> lookup = next.lookup(create);
    previous.withdrawn(create).get(30, TimeUnit.SECONDS);

    assertThat(lookup.get(30, TimeUnit.SECONDS)).isEqualTo(Recorded.NOTHING);
  }

  @Test
  void aCreateWithoutAnOutcomeIsUnfinishedOnceTheWaitIsOver() throws Exception {
    KafkaLedger previous = ledger(dynamicMember());
    Command create = startedIn(previous, "tx-silent");
    Command other = startedIn(previous, "tx-other");
    previous
        .completed(other, CreateReplies.succeeded("tx-other", "c", Instant.now()))
        .get(30, TimeUnit.SECONDS);
    long assigned = System.nanoTime();
    KafkaLedger next = restored(dynamicMember());

    Recorded found = next.lookup(create).get(30, TimeUnit.SECONDS);

    assertThat(found).isEqualTo(Recorded.STARTED);
    assertThat(Duration.ofNanos(System.nanoTime() - assigned))
        .as("not before the wait is over")
        .isGreaterThanOrEqualTo(WAIT.minusMillis(100));
    assertThat(next.lookup(create).get(1, TimeUnit.SECONDS))
        .as("past the wait, at once")
        .isEqualTo(Recorded.STARTED);
  }

  @Test
  void aCreateAnEarlierProcessOfThisStaticMemberStartedIsUnfinishedAtOnce() throws Exception {
    KafkaLedger killed = ledger(LedgerWriter.thisProcess("worker-0"));
    Command create = startedIn(killed, "tx-predecessor");
    KafkaLedger restarted = restored(LedgerWriter.thisProcess("worker-0"));

    assertThat(restarted.lookup(create).get(1, TimeUnit.SECONDS)).isEqualTo(Recorded.STARTED);

    KafkaLedger another = restored(LedgerWriter.thisProcess("worker-1"));
    assertThat(another.lookup(create))
        .as("another member may be that process's live successor: it waits")
        .isNotDone();
  }

  /** A create whose STARTED entry {@code ledger} wrote, acknowledged. */
  private Command startedIn(KafkaLedger ledger, String transactionId) throws Exception {
    Command create = create(transactionId);
    ledger.started(create).get(30, TimeUnit.SECONDS);
    return create;
  }

  private static LedgerWriter dynamicMember() {
    return LedgerWriter.thisProcess("");
  }

  private KafkaLedger restored(LedgerWriter writer) throws Exception {
    KafkaLedger ledger = ledger(writer);
    ledger.restore(List.of(partition));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!ledger.restoring().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(ledger.restoring()).isEmpty();
    assertThat(ledger.failure()).isNull();
    return ledger;
  }

  private KafkaLedger ledger(LedgerWriter writer) {
    KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(KafkaClients.producer(TestKafka.clientSettings()));
    WorkerMetrics metrics = new WorkerMetrics(new SimpleMeterRegistry());
    AcknowledgedSender sender = new AcknowledgedSender(producer, metrics, retries);
    KafkaLedger ledger =
        new KafkaLedger(
            ledgerTopic,
            commands,
            new LedgerLimits(Duration.ofDays(7), 10_000, WAIT),
            () -> new KafkaConsumer<>(KafkaClients.ledgerReader(TestKafka.clientSettings())),
            sender,
            Json.mapper(),
            Clock.systemUTC(),
            null,
            metrics,
            writer);
    closing.add(producer);
    closing.add(sender::close);
    closing.add(ledger::close);
    return ledger;
  }

  private Command create(String transactionId) {
    return new Command(
        transactionId,
        Op.CREATE,
        Commands.ENV,
        Commands.user(1),
        null,
        null,
        null,
        null,
        new ReplyRoute(transactionId.getBytes(StandardCharsets.UTF_8), "replies", null),
        new RecordSource(commands, 0, 0));
  }
}
