package dev.pairingworker.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairingworker.command.Json;
import dev.pairingworker.command.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
    bounded.put(1, "restored-old", stored(T0, 0));
    bounded.put(1, "restored-newer", stored(T0.plusSeconds(5), 1));

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
  void aCompletedEntryIsHeldAsItsRecordValueUntilAcknowledgedAndItsReplyHasNoCode()
      throws Exception {
    Reply reply = CreateReplies.succeeded("tx-1", "123456789012", T0);
    CompactEntry.Unacknowledged written = codec.encode(LedgerEntry.completed(T0, reply));
    memory.put(0, "tx-1", written);

    CompactEntry held = memory.get(0, "tx-1", T0).orElseThrow();
    LedgerEntry decoded = codec.decode(((CompactEntry.Unacknowledged) held).value());

    assertThat(held).isSameAs(written);
    assertThat(new String(written.value(), StandardCharsets.UTF_8)).doesNotContain("123456789012");
    assertThat(decoded).isEqualTo(LedgerEntry.completed(T0, reply));
    assertThat(decoded.reply().pairingKey().has("code")).isFalse();
    assertThat(decoded.reply().codeOmitted()).isTrue();
  }

  @Test
  void anAcknowledgedEntryKeepsItsOffsetInsteadOfItsValue() {
    CompactEntry.Unacknowledged written = completed("tx", T0);
    memory.put(0, "tx", written);

    memory.acknowledged(0, "tx", written, 42);

    assertThat(memory.get(0, "tx", T0))
        .contains(new CompactEntry.Stored(LedgerEntry.State.COMPLETED, T0.toEpochMilli(), 42));
    assertThat(memory.size()).isEqualTo(1);
  }

  @Test
  void anAcknowledgementOfAnEntryAlreadyReplacedOrForgottenChangesNothing() {
    CompactEntry.Unacknowledged started = started(T0);
    CompactEntry.Unacknowledged completed = completed("tx", T0.plusSeconds(1));
    CompactEntry.Unacknowledged dropped = started(T0);
    memory.put(0, "tx", started);
    memory.put(0, "tx", completed);
    memory.put(1, "gone", dropped);
    memory.drop(List.of(1));

    memory.acknowledged(0, "tx", started, 7);
    memory.acknowledged(1, "gone", dropped, 8);

    assertThat(memory.get(0, "tx", T0)).containsSame(completed);
    assertThat(memory.get(1, "gone", T0)).isEmpty();
    assertThat(memory.size()).isEqualTo(1);
  }

  @Test
  void anAcknowledgedEntryKeepsItsPlaceInTheWriteOrder() {
    LedgerMemory bounded = memory(2);
    CompactEntry.Unacknowledged first = started(T0);
    bounded.put(0, "a", first);
    bounded.put(0, "b", started(T0));
    bounded.acknowledged(0, "a", first, 0);
    bounded.put(0, "c", started(T0));

    assertThat(bounded.get(0, "a", T0)).isEmpty();
    assertThat(bounded.get(0, "b", T0)).isPresent();
  }

  @Test
  void anEntryReadFromTheTopicKeepsOnlyItsStateTimeOffsetAndWhetherItsWriterIsGone()
      throws Exception {
    byte[] value =
        codec
            .encode(LedgerEntry.completed(T0, CreateReplies.succeeded("tx", "123456789012", T0)))
            .value();

    CompactEntry.Stored read = codec.read(value, 1_234);

    assertThat(read)
        .isEqualTo(new CompactEntry.Stored(LedgerEntry.State.COMPLETED, T0.toEpochMilli(), 1_234));
    assertThat(
            Arrays.stream(CompactEntry.Stored.class.getRecordComponents())
                .map(c -> c.getType().getName()))
        .containsExactly(LedgerEntry.State.class.getName(), "long", "long", "boolean");
  }

  @Test
  void aStartedEntryOfAnEarlierProcessOfThisStaticMemberHasNoOwnerLeft() throws Exception {
    LedgerWriter killed = LedgerWriter.thisProcess("worker-0");
    LedgerWriter restarted = LedgerWriter.thisProcess("worker-0");
    LedgerCodec restartedCodec = new LedgerCodec(Json.mapper(), restarted);
    byte[] byKilled = new LedgerCodec(Json.mapper(), killed).encode(started(killed)).value();
    byte[] byItself = restartedCodec.encode(started(restarted)).value();
    byte[] byAnother =
        new LedgerCodec(Json.mapper(), LedgerWriter.thisProcess("worker-1"))
            .encode(started(LedgerWriter.thisProcess("worker-1")))
            .value();
    byte[] byDynamic =
        new LedgerCodec(Json.mapper(), LedgerWriter.thisProcess(""))
            .encode(started(LedgerWriter.thisProcess("")))
            .value();

    assertThat(restartedCodec.read(byKilled, 1).ownerGone()).isTrue();
    assertThat(restartedCodec.read(byItself, 2).ownerGone()).as("this very process").isFalse();
    assertThat(restartedCodec.read(byAnother, 3).ownerGone()).as("another member").isFalse();
    assertThat(restartedCodec.read(byDynamic, 4).ownerGone()).as("a dynamic member").isFalse();
    assertThat(
            new LedgerCodec(Json.mapper(), LedgerWriter.thisProcess(""))
                .read(byKilled, 5)
                .ownerGone())
        .as("read by a dynamic member")
        .isFalse();
  }

  @Test
  void anEntryWithFieldsOfALaterVersionIsStillRead() throws Exception {
    byte[] value =
        "{\"state\":\"STARTED\",\"at\":\"2026-12-03T10:00:00Z\",\"later\":1}"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(codec.read(value, 7).state()).isEqualTo(LedgerEntry.State.STARTED);
  }

  private static LedgerEntry started(LedgerWriter writer) {
    return LedgerEntry.started(T0, writer);
  }

  @Test
  void aRecordWithoutStateOrTimeIsNotAnEntry() {
    byte[] value = "{\"state\":\"COMPLETED\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> codec.read(value, 0))
        .isInstanceOf(java.io.IOException.class)
        .hasMessage("a ledger entry needs a state and a time");
  }

  private LedgerMemory memory(int maxEntries) {
    return new LedgerMemory(
        new LedgerLimits(Duration.ofDays(7), maxEntries),
        (reason, count) -> evictions.add(reason + ":" + count));
  }

  private CompactEntry.Unacknowledged started(Instant at) {
    return codec.encode(LedgerEntry.started(at, codec.self()));
  }

  /** As a restore holds an entry: where its record is, not its value. */
  private static CompactEntry.Stored stored(Instant at, long offset) {
    return new CompactEntry.Stored(LedgerEntry.State.COMPLETED, at.toEpochMilli(), offset);
  }

  private CompactEntry.Unacknowledged completed(String transactionId, Instant at) {
    return codec.encode(
        LedgerEntry.completed(at, CreateReplies.succeeded(transactionId, "000000000000", at)));
  }
}
