package dev.pairingworker.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairingworker.kafka.KafkaClients;
import dev.pairingworker.kafka.Topics;
import dev.pairingworker.support.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** Replays read their ledger records back by offset from a real broker. */
class LedgerRecordReaderIT {
  private final String topic = "ledger-read-" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void readsAskedForTogetherAreEachAnsweredWithTheirOwnRecordOrEmptyWhenItIsGone()
      throws Exception {
    Topics.ensureLedger(TestKafka.clientSettings(), topic, 2, Duration.ofDays(7));
    write(0, 10);
    write(1, 5);
    try (Admin admin = Admin.create(TestKafka.clientSettings())) {
      admin
          .deleteRecords(Map.of(new TopicPartition(topic, 1), RecordsToDelete.beforeOffset(2)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    LedgerRecordReader reader = reader(Duration.ofSeconds(30));
    try {
      List<CompletableFuture<Optional<ConsumerRecord<byte[], byte[]>>>> reads =
          List.of(
              reader.read(0, 7),
              reader.read(1, 0),
              reader.read(0, 3),
              reader.read(1, 3),
              reader.read(0, 7));

      assertThat(value(reads.get(0))).contains("p0-7");
      assertThat(reads.get(1).get(30, TimeUnit.SECONDS)).isEmpty();
      assertThat(value(reads.get(2))).contains("p0-3");
      assertThat(value(reads.get(3))).contains("p1-3");
      assertThat(value(reads.get(4))).contains("p0-7");
      assertThat(value(reader.read(0, 9))).as("a later round").contains("p0-9");
    } finally {
      reader.close();
    }
  }

  @Test
  void aRecordThatCannotBeReadInTimeFailsTheReadWithATimeout() throws Exception {
    Topics.ensureLedger(TestKafka.clientSettings(), topic, 1, Duration.ofDays(7));
    write(0, 2);
    LedgerRecordReader reader = reader(Duration.ofSeconds(1));
    try {
      CompletableFuture<Optional<ConsumerRecord<byte[], byte[]>>> beyondTheEnd = reader.read(0, 5);

      assertThatThrownBy(() -> beyondTheEnd.get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(TimeoutException.class);
      assertThat(value(reader.read(0, 1))).contains("p0-1");
    } finally {
      reader.close();
    }
    assertThat(reader.read(0, 1)).isCompletedExceptionally();
  }

  private LedgerRecordReader reader(Duration timeout) {
    return new LedgerRecordReader(
        () -> new KafkaConsumer<>(KafkaClients.ledgerReader(TestKafka.clientSettings())),
        topic,
        timeout);
  }

  /** Writes {@code count} records "p{partition}-{offset}" to the partition. */
  private void write(int partition, int count) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            TestKafka.clientSettings(), new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < count; i++) {
        producer
            .send(
                new ProducerRecord<>(
                    topic, partition, bytes("k" + i), bytes("p" + partition + "-" + i)))
            .get(30, TimeUnit.SECONDS);
      }
    }
  }

  private static Optional<String> value(
      CompletableFuture<Optional<ConsumerRecord<byte[], byte[]>>> read) throws Exception {
    return read.get(30, TimeUnit.SECONDS).map(r -> new String(r.value(), StandardCharsets.UTF_8));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
