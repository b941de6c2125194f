package dev.pairingworker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LoadDriverTest {

  @Test
  void aPacedLoadSpacesItsCommandsEvenlyFromTheStart() {
    assertThat(LoadDriver.dueNanos(1_000, 0, 200)).isEqualTo(1_000);
    assertThat(LoadDriver.dueNanos(1_000, 1, 200)).isEqualTo(1_000 + 5_000_000);
    assertThat(LoadDriver.dueNanos(1_000, 400, 200)).isEqualTo(1_000 + 2_000_000_000L);
  }

  @Test
  void aFractionalRateIsKept() {
    assertThat(LoadDriver.dueNanos(0, 3, 0.5)).isEqualTo(6_000_000_000L);
  }

  @Test
  void aWaitForRepliesEndsWhenItsGiveUpCompletes() throws InterruptedException {
    CompletableFuture<LoadDriver.Received> never = new CompletableFuture<>();
    LoadDriver.Sent sent = new LoadDriver.Sent(0, new long[1], List.of(never), List.of());
    CompletableFuture<Void> exited = new CompletableFuture<>();
    CompletableFuture.delayedExecutor(100, java.util.concurrent.TimeUnit.MILLISECONDS)
        .execute(() -> exited.complete(null));

    long start = System.nanoTime();
    LoadDriver.Result result = sent.await(Duration.ofMinutes(5), exited);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(1));
    assertThat(result.unanswered()).isEqualTo(1);
  }

  @Test
  void withoutAGiveUpTheWaitLastsItsTimeout() throws InterruptedException {
    LoadDriver.Sent sent =
        new LoadDriver.Sent(0, new long[1], List.of(new CompletableFuture<>()), List.of());

    long start = System.nanoTime();
    LoadDriver.Result result = sent.await(Duration.ofMillis(300));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(250));
    assertThat(result.unanswered()).isEqualTo(1);
  }
}
