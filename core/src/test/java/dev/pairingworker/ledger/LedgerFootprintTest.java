package dev.pairingworker.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairingworker.command.Json;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Heap per ledger entry, measured as the live heap after a full GC with and without N completed
 * create entries held in a {@link LedgerMemory}, divided by N: entries holding their record value
 * (as every entry did before, and as an entry does until the broker acknowledges it) against
 * entries holding their offset (acknowledged or restored, as memory keeps them). The figures go to
 * the test's output; docs/design.md and worker.ledger.max-entries quote them.
 */
class LedgerFootprintTest {
  private static final int N = 20_000;
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final LedgerCodec codec = new LedgerCodec(Json.mapper());

  @Test
  void anEntryHeldByItsOffsetTakesAFractionOfTheHeapOfOneHeldByItsValue() {
    long valueBytes = 0;
    for (int i = 0; i < N; i++) {
      valueBytes += encoded(i).value().length;
    }
    long withValue = perEntry(i -> reread(encoded(i).value()));
    long withOffset = perEntry(i -> read(encoded(i).value(), i));

    System.out.printf(
        "ledger entry heap: with its value %d B, with its offset %d B (record value %d B on"
            + " average)%n",
        withValue, withOffset, valueBytes / N);
    assertThat(withOffset).isLessThan(256).isLessThan(withValue / 5);
  }

  /** Live heap added per entry by putting N entries with fresh transaction IDs into a memory. */
  private static long perEntry(Function<Integer, CompactEntry> entry) {
    LedgerMemory memory =
        new LedgerMemory(new LedgerLimits(Duration.ofDays(7), N), (reason, count) -> {});
    long before = liveHeap();
    for (int i = 0; i < N; i++) {
      memory.put(0, "tx-" + UUID.randomUUID(), entry.apply(i));
    }
    long after = liveHeap();
    assertThat(memory.size()).isEqualTo(N);
    Reference.reachabilityFence(memory);
    return (after - before) / N;
  }

  private CompactEntry.Unacknowledged encoded(int i) {
    Instant at = T0.plusSeconds(i);
    String transactionId = "tx-" + UUID.nameUUIDFromBytes(Integer.toString(i).getBytes());
    return codec.encode(
        LedgerEntry.completed(at, CreateReplies.succeeded(transactionId, "123456789012", at)));
  }

  /** Held by its value, in the consumer's own copy of it. */
  private static CompactEntry reread(byte[] value) {
    return new CompactEntry.Unacknowledged(LedgerEntry.State.COMPLETED, 0, value.clone());
  }

  /** As a restore holds it. */
  private CompactEntry read(byte[] value, long offset) {
    try {
      return codec.read(value, offset);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static long liveHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
