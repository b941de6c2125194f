package dev.pairingworker.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommonPoolTest {
  @Test
  void raisesTheParallelismWhereTheDefaultWouldBeOneThread() {
    assertThat(CommonPool.parallelismToSet(null, 1)).contains("2");
    assertThat(CommonPool.parallelismToSet(null, 2)).contains("2");
  }

  @Test
  void leavesTheDefaultWhereItIsAlreadyTwoOrMore() {
    assertThat(CommonPool.parallelismToSet(null, 3)).isEmpty();
    assertThat(CommonPool.parallelismToSet(null, 64)).isEmpty();
  }

  @Test
  void keepsAValueTheOperatorChose() {
    assertThat(CommonPool.parallelismToSet("1", 2)).isEmpty();
    assertThat(CommonPool.parallelismToSet("8", 2)).isEmpty();
  }
}
