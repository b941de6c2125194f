package dev.pairingworker.pingone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CallSlotsTest {
  @Test
  void slotsAreGrantedInRequestOrder() {
    CallSlots slots = new CallSlots(1);
    slots.acquire().join();
    List<Integer> granted = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      int n = i;
      slots.acquire().thenRun(() -> granted.add(n));
    }

    slots.release();
    slots.release();
    slots.release();

    assertThat(granted).containsExactly(0, 1, 2);
    assertThat(slots.inUse()).isOne();
  }

  /**
   * A revocation: every waiter gives its slot straight back when granted. Recursively, 5,000 such
   * waiters overflowed the stack and about 4,000 were never granted.
   */
  @Test
  void thousandsOfWaitersThatGiveTheirSlotStraightBackAreAllGranted() throws Exception {
    CallSlots slots = new CallSlots(1);
    slots.acquire().join();
    List<CompletableFuture<Void>> waiters = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      waiters.add(slots.acquire().thenRun(slots::release));
    }

    Thread releaser = new Thread(slots::release);
    releaser.start();
    releaser.join();

    assertThat(waiters).allMatch(w -> w.isDone() && !w.isCompletedExceptionally());
    assertThat(slots.inUse()).isZero();
  }
}
