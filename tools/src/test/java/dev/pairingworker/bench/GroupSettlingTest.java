package dev.pairingworker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupSettlingTest {
  private static final int PARTITIONS = 12;

  @Test
  void aGroupIsSettledWhenEveryPartitionIsOwnedAndEveryWorkerKeepsCalling() {
    GroupSettling.Look before = look(4, 10, 4, 20, 4, 30);
    GroupSettling.Look now = look(4, 11, 4, 25, 4, 31);

    assertThat(GroupSettling.settled(PARTITIONS, before, now)).isTrue();
  }

  @Test
  void theFirstLookCannotShowThatWorkersKeepCalling() {
    assertThat(GroupSettling.settled(PARTITIONS, null, look(4, 10, 4, 20, 4, 30))).isFalse();
  }

  @Test
  void aPartitionNobodyOwnsYetMeansARebalanceIsUnderWay() {
    GroupSettling.Look before = look(4, 10, 4, 20, 3, 30);
    GroupSettling.Look now = look(4, 11, 4, 21, 3, 31);

    assertThat(GroupSettling.settled(PARTITIONS, before, now)).isFalse();
  }

  @Test
  void aWorkerThatOwnsNothingOrDoesNotAnswerIsNotSettled() {
    assertThat(
            GroupSettling.settled(PARTITIONS, look(6, 10, 6, 20, 0, 0), look(6, 11, 6, 21, 0, 0)))
        .isFalse();
    assertThat(
            GroupSettling.settled(PARTITIONS, look(6, 10, 7, 20, -1, 0), look(6, 11, 7, 21, -1, 0)))
        .isFalse();
  }

  @Test
  void aWorkerThatMadeNoCallSinceTheLastLookIsNotYetPacing() {
    GroupSettling.Look before = look(4, 10, 4, 20, 4, 30);
    GroupSettling.Look now = look(4, 11, 4, 20, 4, 31);

    assertThat(GroupSettling.settled(PARTITIONS, before, now)).isFalse();
  }

  @Test
  void aWorkerNotYetScrapedOrNewSinceTheLastLookIsNotSettled() {
    GroupSettling.Look before = look(4, 10, 4, 20);
    GroupSettling.Look joined = look(4, 11, 4, 21, 4, 1);
    GroupSettling.Look unscraped = look(4, 11, 4, 21, 4, Double.NaN);

    assertThat(GroupSettling.settled(PARTITIONS, before, joined)).isFalse();
    assertThat(GroupSettling.settled(PARTITIONS, joined, unscraped)).isFalse();
  }

  /** Pairs of (partitions owned, calls so far) for workers w1, w2, ... */
  private static GroupSettling.Look look(double... ownedAndCalls) {
    Map<String, Integer> owned = new LinkedHashMap<>();
    Map<String, Double> calls = new LinkedHashMap<>();
    for (int i = 0; i < ownedAndCalls.length; i += 2) {
      String name = "w" + (i / 2 + 1);
      owned.put(name, (int) ownedAndCalls[i]);
      calls.put(name, ownedAndCalls[i + 1]);
    }
    return new GroupSettling.Look(owned, calls);
  }
}
