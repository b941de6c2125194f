package dev.pairingworker.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerMemoryTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final LedgerMemory memory = new LedgerMemory(Duration.ofDays(7));

  @Test
  void aLaterEntryOfTheSameTransactionReplacesTheEarlierOne() {
    memory.put(0, "tx", LedgerEntry.started(T0));
    memory.put(0, "tx", new LedgerEntry(LedgerEntry.State.COMPLETED, T0.plusSeconds(1), null));

    assertThat(memory.get(0, "tx", T0.plusSeconds(2)))
        .map(LedgerEntry::state)
        .contains(LedgerEntry.State.COMPLETED);
    assertThat(memory.size()).isEqualTo(1);
  }

  @Test
  void entriesArePerPartition() {
    memory.put(0, "tx", LedgerEntry.started(T0));

    assertThat(memory.get(1, "tx", T0)).isEmpty();
  }

  @Test
  void anEntryOlderThanTheRetentionIsForgottenAsTheBrokerDeletesIt() {
    memory.put(0, "old", LedgerEntry.started(T0));

    assertThat(memory.get(0, "old", T0.plus(Duration.ofDays(7)))).isPresent();
    assertThat(memory.get(0, "old", T0.plus(Duration.ofDays(8)))).isEmpty();
  }

  @Test
  void writingDropsTheEntriesThatOutlivedTheRetentionSoMemoryStaysBounded() {
    memory.put(0, "old", LedgerEntry.started(T0));
    memory.put(0, "recent", LedgerEntry.started(T0.plus(Duration.ofDays(3))));
    memory.put(0, "new", LedgerEntry.started(T0.plus(Duration.ofDays(8))));

    assertThat(memory.size()).isEqualTo(2);
    assertThat(memory.get(0, "recent", T0.plus(Duration.ofDays(8)))).isPresent();
  }

  @Test
  void forgettingAPartitionDropsItsEntriesOnly() {
    memory.put(0, "a", LedgerEntry.started(T0));
    memory.put(1, "b", LedgerEntry.started(T0));

    memory.drop(List.of(0));

    assertThat(memory.get(0, "a", T0)).isEmpty();
    assertThat(memory.get(1, "b", T0)).isPresent();
  }
}
