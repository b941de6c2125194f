package dev.pairingworker.pingone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairingworker.simulator.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecentKeysTest {
  private final MutableClock clock = MutableClock.at("2026-11-29T10:15:30Z");
  private final Instant start = clock.instant();
  private final RecentKeys keys = new RecentKeys(Duration.ofSeconds(2), clock);

  @Test
  void aCreatedKeyHasAGraceOfTwoSecondsFromItsCreation() {
    keys.created(key("k1"));
    assertThat(keys.graceEnd("k1")).isEqualTo(start.plusSeconds(2));
    assertThat(keys.graceEnd("never-created")).isNull();
    assertThat(keys.graceEnd(null)).isNull();
  }

  @Test
  void aDeletedKeyHasNoGraceAnyMore() {
    keys.created(key("k1"));
    keys.deleted("k1");
    assertThat(keys.graceEnd("k1")).isNull();
  }

  @Test
  void keysWhoseGraceIsOverAreDroppedAtTheNextCreation() {
    keys.created(key("old"));
    clock.advance(Duration.ofSeconds(2));
    keys.created(key("new"));
    assertThat(keys.graceEnd("old")).isNull();
    assertThat(keys.size()).isEqualTo(1);
  }

  @Test
  void itHoldsAtMostMaxKeysForgettingTheOldestFirst() {
    for (int i = 0; i <= RecentKeys.MAX_KEYS; i++) {
      keys.created(key("k" + i));
    }
    assertThat(keys.size()).isEqualTo(RecentKeys.MAX_KEYS);
    assertThat(keys.graceEnd("k0")).isNull();
    assertThat(keys.graceEnd("k1")).isNotNull();
  }

  @Test
  void aZeroGraceOrABodyWithoutAnIdRemembersNothing() {
    RecentKeys off = new RecentKeys(Duration.ZERO, clock);
    off.created(key("k1"));
    assertThat(off.graceEnd("k1")).isNull();
    keys.created("not json".getBytes(StandardCharsets.UTF_8));
    keys.created(null);
    assertThat(keys.size()).isZero();
  }

  private static byte[] key(String id) {
    return ("{\"id\":\"" + id + "\",\"code\":\"123456789012\"}").getBytes(StandardCharsets.UTF_8);
  }
}
