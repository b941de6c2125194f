package dev.pairingworker.dispatch;

import static dev.pairingworker.support.Commands.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pairingworker.command.Command;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DispatcherTest {
  private final Map<Command, CompletableFuture<Void>> started = new ConcurrentHashMap<>();
  private final List<Command> startOrder = Collections.synchronizedList(new ArrayList<>());
  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  private Dispatcher manual(int maxInFlight) {
    return new Dispatcher(
        maxInFlight,
        command -> {
          CompletableFuture<Void> done = new CompletableFuture<>();
          started.put(command, done);
          startOrder.add(command);
          return done;
        });
  }

  @Test
  void runsOneCommandPerUserAtATimeInSubmissionOrder() {
    Dispatcher dispatcher = manual(10);
    Command first = get(1, 0, 0);
    Command second = get(1, 0, 1);
    dispatcher.submit(first);
    dispatcher.submit(second);

    assertThat(startOrder).containsExactly(first);
    started.get(first).complete(null);
    assertThat(startOrder).containsExactly(first, second);
  }

  @Test
  void aSlowUserDoesNotHoldUpOtherUsers() {
    Dispatcher dispatcher = manual(10);
    Command slow = get(1, 0, 0);
    Command slowNext = get(1, 0, 1);
    Command other = get(2, 0, 2);
    dispatcher.submit(slow);
    dispatcher.submit(slowNext);
    dispatcher.submit(other);

    assertThat(startOrder).containsExactly(slow, other);
    assertThat(dispatcher.queued()).isEqualTo(1);
  }

  @Test
  void neverRunsMoreThanTheBound() {
    Dispatcher dispatcher = manual(3);
    for (int user = 0; user < 10; user++) {
      dispatcher.submit(get(user, 0, user));
    }
    assertThat(dispatcher.active()).isEqualTo(3);
    assertThat(dispatcher.queued()).isEqualTo(7);

    started.get(startOrder.get(0)).complete(null);
    assertThat(dispatcher.active()).isEqualTo(3);
    assertThat(startOrder).hasSize(4);
  }

  @Test
  void dropsOnlyQueuedCommandsOfRevokedPartitions() {
    Dispatcher dispatcher = manual(1);
    Command running = get(1, 0, 0);
    Command queuedP0 = get(2, 0, 1);
    Command queuedP1 = get(3, 1, 0);
    dispatcher.submit(running);
    dispatcher.submit(queuedP0);
    dispatcher.submit(queuedP1);

    int dropped = dispatcher.dropQueued(Set.of(new TopicPartition("commands", 0)));

    assertThat(dropped).isEqualTo(1);
    started.get(running).complete(null);
    assertThat(startOrder).containsExactly(running, queuedP1);
  }

  @Test
  void awaitIdleReturnsOnceRunningCommandsOfThePartitionsFinish() throws Exception {
    Dispatcher dispatcher = manual(5);
    Command running = get(1, 0, 0);
    dispatcher.submit(running);
    Set<TopicPartition> p0 = Set.of(new TopicPartition("commands", 0));

    assertThat(dispatcher.awaitIdle(p0, Duration.ofMillis(20))).isFalse();
    pool.submit(() -> started.get(running).complete(null));
    assertThat(dispatcher.awaitIdle(p0, Duration.ofSeconds(10))).isTrue();
  }

  @Test
  void keepsEveryUsersOrderUnderConcurrentCompletion() throws Exception {
    int users = 50;
    int perUser = 40;
    Map<Integer, List<Long>> seen = new ConcurrentHashMap<>();
    AtomicInteger concurrentForOneUser = new AtomicInteger();
    Map<Integer, AtomicInteger> active = new ConcurrentHashMap<>();
    CountDownLatch allRan = new CountDownLatch(users * perUser);
    Dispatcher dispatcher =
        new Dispatcher(
            16,
            command ->
                CompletableFuture.runAsync(
                    () -> {
                      int user = Integer.parseInt(command.userId().substring(24));
                      if (active.computeIfAbsent(user, u -> new AtomicInteger()).incrementAndGet()
                          > 1) {
                        concurrentForOneUser.incrementAndGet();
                      }
                      seen.computeIfAbsent(
                              user, u -> Collections.synchronizedList(new ArrayList<>()))
                          .add(command.source().offset());
                      active.get(user).decrementAndGet();
                      allRan.countDown();
                    },
                    pool));
    long offset = 0;
    for (int round = 0; round < perUser; round++) {
      for (int user = 0; user < users; user++) {
        dispatcher.submit(get(user, 0, offset++));
      }
    }
    assertThat(allRan.await(30, TimeUnit.SECONDS)).isTrue();

    assertThat(concurrentForOneUser).hasValue(0);
    assertThat(seen).hasSize(users);
    seen.values().forEach(offsets -> assertThat(offsets).hasSize(perUser).isSorted());
  }
}
