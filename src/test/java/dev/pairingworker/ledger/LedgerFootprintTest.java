package dev.pairingworker.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairingworker.command.Json;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Heap per ledger entry, measured as the live heap after a full GC with and without N completed
 * create entries held, divided by N: the decoded form (a {@code LedgerEntry} with its {@code Reply}
 * object tree, as memory held entries before) against the compact form (the record value's bytes).
 * The figures go to the test's output; docs/design.md quotes them.
 */
class LedgerFootprintTest {
  private static final int N = 20_000;
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final LedgerCodec codec = new LedgerCodec(Json.mapper());

  @Test
  void aCompactEntryTakesLessThanHalfTheHeapOfItsDecodedReply() {
    long valueBytes = 0;
    for (int i = 0; i < N; i++) {
      valueBytes += encoded(i).value().length;
    }
    Map<String, LedgerEntry> decoded = new LinkedHashMap<>();
    long decodedPerEntry = perEntry(decoded, (id, i) -> decoded.put(id, codec.decode(encoded(i))));
    LedgerMemory compact =
        new LedgerMemory(new LedgerLimits(Duration.ofDays(7), N), (reason, count) -> {});
    long compactPerEntry =
        perEntry(compact, (id, i) -> compact.put(0, id, reread(encoded(i).value())));

    System.out.printf(
        "ledger entry heap: decoded %d B, compact %d B (record value %d B on average)%n",
        decodedPerEntry, compactPerEntry, valueBytes / N);
    assertThat(compact.size()).isEqualTo(N);
    assertThat(compactPerEntry).isLessThan(decodedPerEntry / 2);
  }

  /** Live heap added per entry by calling {@code put} N times with fresh transaction IDs. */
  private static long perEntry(Object holder, BiConsumer<String, Integer> put) {
    long before = liveHeap();
    for (int i = 0; i < N; i++) {
      put.accept(UUID.randomUUID().toString(), i);
    }
    long after = liveHeap();
    Reference.reachabilityFence(holder);
    return (after - before) / N;
  }

  private CompactEntry encoded(int i) {
    Instant at = T0.plusSeconds(i);
    String transactionId = "tx-" + UUID.nameUUIDFromBytes(Integer.toString(i).getBytes());
    return codec.encode(
        LedgerEntry.completed(at, CreateReplies.succeeded(transactionId, "123456789012", at)));
  }

  /** As a restore holds it: the consumer's own copy of the value. */
  private CompactEntry reread(byte[] value) {
    try {
      return codec.read(value.clone());
    } catch (java.io.IOException e) {
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
