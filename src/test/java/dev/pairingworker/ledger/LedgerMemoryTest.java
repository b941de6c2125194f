package dev.pairingworker.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairingworker.command.Json;
import dev.pairingworker.command.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerMemoryTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final LedgerCodec codec = new LedgerCodec(Json.mapper());
  private final List<String> evictions = new ArrayList<>();
  private final LedgerMemory memory = memory(1_000);

  @Test
  void aLaterEntryOfTheSameTransactionReplacesTheEarlierOne() {
    memory.put(0, "tx", started(T0));
    memory.put(
        0,
        "tx",
        codec.encode(new LedgerEntry(LedgerEntry.State.COMPLETED, T0.plusSeconds(1), null)));

    assertThat(memory.get(0, "tx", T0.plusSeconds(2)))
        .map(CompactEntry::state)
        .contains(LedgerEntry.State.COMPLETED);
    assertThat(memory.size()).isEqualTo(1);
  }

  @Test
  void entriesArePerPartition() {
    memory.put(0, "tx", started(T0));

    assertThat(memory.get(1, "tx", T0)).isEmpty();
  }

  @Test
  void anEntryOlderThanTheRetentionIsForgottenAsTheBrokerDeletesIt() {
    memory.put(0, "old", started(T0));

    assertThat(memory.get(0, "old", T0.plus(Duration.ofDays(7)))).isPresent();
    assertThat(memory.get(0, "old", T0.plus(Duration.ofDays(8)))).isEmpty();
  }

  @Test
  void writingDropsTheEntriesThatOutlivedTheRetentionSoMemoryStaysBounded() {
    memory.put(0, "old", started(T0));
    memory.put(0, "recent", started(T0.plus(Duration.ofDays(3))));
    memory.put(0, "new", started(T0.plus(Duration.ofDays(8))));

    assertThat(memory.size()).isEqualTo(2);
    assertThat(memory.get(0, "recent", T0.plus(Duration.ofDays(8)))).isPresent();
    assertThat(evictions).containsExactly("retention:1");
  }

  @Test
  void aWriteToOnePartitionAlsoDropsTheExpiredEntriesOfTheOthers() {
    memory.put(1, "old", started(T0));
    memory.put(0, "new", started(T0.plus(Duration.ofDays(8))));

    assertThat(memory.size()).isEqualTo(1);
    assertThat(evictions).containsExactly("retention:1");
  }

  @Test
  void forgettingAPartitionDropsItsEntriesOnly() {
    memory.put(0, "a", started(T0));
    memory.put(1, "b", started(T0));

    memory.drop(List.of(0));

    assertThat(memory.get(0, "a", T0)).isEmpty();
    assertThat(memory.get(1, "b", T0)).isPresent();
    assertThat(memory.size()).isEqualTo(1);
    assertThat(evictions).isEmpty();
  }

  @Test
  void beyondMaxEntriesTheOldestEntryAcrossPartitionsIsForgottenFirst() {
    LedgerMemory bounded = memory(3);
    bounded.put(0, "a", started(T0));
    bounded.put(1, "b", started(T0.plusSeconds(1)));
    bounded.put(0, "c", started(T0.plusSeconds(2)));
    bounded.put(1, "d", started(T0.plusSeconds(3)));
    bounded.put(2, "e", started(T0.plusSeconds(4)));

    Instant now = T0.plusSeconds(5);
    assertThat(bounded.get(0, "a", now)).isEmpty();
    assertThat(bounded.get(1, "b", now)).isEmpty();
    assertThat(bounded.get(0, "c", now)).isPresent();
    assertThat(bounded.get(1, "d", now)).isPresent();
    assertThat(bounded.get(2, "e", now)).isPresent();
    assertThat(bounded.size()).isEqualTo(3);
    assertThat(evictions).containsExactly("size:1", "size:1");
  }

  @Test
  void restoredEntriesOlderThanTheHeldOnesAreTheFirstToGo() {
    LedgerMemory bounded = memory(2);
    bounded.put(0, "new", started(T0.plusSeconds(10)));
    bounded.put(1, "restored-old", started(T0));
    bounded.put(1, "restored-newer", started(T0.plusSeconds(5)));

    Instant now = T0.plusSeconds(11);
    assertThat(bounded.get(1, "restored-old", now)).isEmpty();
    assertThat(bounded.get(1, "restored-newer", now)).isPresent();
    assertThat(bounded.get(0, "new", now)).isPresent();
  }

  @Test
  void aForgottenTransactionIsUnknownAfterwardsSoItsCreateWouldRunAgain() {
    LedgerMemory bounded = memory(1);
    bounded.put(0, "first", completed("first", T0));
    bounded.put(0, "second", completed("second", T0.plusSeconds(1)));

    assertThat(bounded.get(0, "first", T0.plusSeconds(2))).isEmpty();
  }

  @Test
  void writingATransactionAgainMakesItTheNewestSoItIsForgottenLast() {
    LedgerMemory bounded = memory(2);
    bounded.put(0, "a", started(T0));
    bounded.put(1, "b", started(T0.plusSeconds(1)));
    bounded.put(0, "a", completed("a", T0.plusSeconds(2)));
    bounded.put(1, "c", started(T0.plusSeconds(3)));

    Instant now = T0.plusSeconds(4);
    assertThat(bounded.get(0, "a", now))
        .map(CompactEntry::state)
        .contains(LedgerEntry.State.COMPLETED);
    assertThat(bounded.get(1, "b", now)).isEmpty();
    assertThat(bounded.get(1, "c", now)).isPresent();
  }

  @Test
  void aCompletedEntryIsHeldAsItsRecordValueAndItsReplyRoundTripsWithoutTheCode() {
    Reply reply = CreateReplies.succeeded("tx-1", "123456789012", T0);
    CompactEntry written = codec.encode(LedgerEntry.completed(T0, reply));
    memory.put(0, "tx-1", written);

    CompactEntry held = memory.get(0, "tx-1", T0).orElseThrow();
    LedgerEntry decoded = codec.decode(held);

    assertThat(new String(held.value(), StandardCharsets.UTF_8)).doesNotContain("123456789012");
    assertThat(held.state()).isEqualTo(LedgerEntry.State.COMPLETED);
    assertThat(held.atMillis()).isEqualTo(T0.toEpochMilli());
    assertThat(decoded).isEqualTo(LedgerEntry.completed(T0, reply));
    assertThat(decoded.reply().pairingKey().has("code")).isFalse();
    assertThat(decoded.reply().codeOmitted()).isTrue();
    assertThat(decoded.reply().pairingKey().path("id").asText())
        .isEqualTo(reply.pairingKey().path("id").asText());
  }

  @Test
  void anEntryReadFromTheTopicKeepsTheRecordsBytes() throws Exception {
    byte[] value = codec.encode(LedgerEntry.started(T0)).value();

    CompactEntry read = codec.read(value);

    assertThat(read.value()).isSameAs(value);
    assertThat(read.state()).isEqualTo(LedgerEntry.State.STARTED);
    assertThat(codec.decode(read)).isEqualTo(LedgerEntry.started(T0));
  }

  private LedgerMemory memory(int maxEntries) {
    return new LedgerMemory(
        new LedgerLimits(Duration.ofDays(7), maxEntries),
        (reason, count) -> evictions.add(reason + ":" + count));
  }

  private CompactEntry started(Instant at) {
    return codec.encode(LedgerEntry.started(at));
  }

  private CompactEntry completed(String transactionId, Instant at) {
    return codec.encode(
        LedgerEntry.completed(at, CreateReplies.succeeded(transactionId, "000000000000", at)));
  }
}
