package dev.pairingworker.dispatch;

import dev.pairingworker.command.Command;
import dev.pairingworker.command.Command.UserKey;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.common.TopicPartition;

/**
 * Runs commands concurrently with two guarantees: at most one command per (environmentId, userId)
 * at a time, in the order they were submitted (partition order), and at most {@code maxActive}
 * commands started and not finished at once (waiting for a PingOne call slot, backing off or on the
 * wire; the calls on the wire have their own, lower bound, {@code worker.max.in-flight}).
 *
 * <p>Each user has a lane (a FIFO queue); a lane whose head may start waits in {@code ready} for a
 * slot. All state is guarded by {@code this}; commands are started outside the lock, by whichever
 * thread is draining.
 */
public final class Dispatcher {
  private final int maxActive;
  private final Function<Command, CompletableFuture<?>> work;

  private final Map<UserKey, ArrayDeque<Command>> lanes = new HashMap<>();
  private final ArrayDeque<UserKey> ready = new ArrayDeque<>();
  private final Set<Command> running = Collections.newSetFromMap(new IdentityHashMap<>());
  private final AtomicInteger drainRequests = new AtomicInteger();

  /**
   * @param work starts a command; the returned future completes when the command no longer needs
   *     its slot
   */
  public Dispatcher(int maxActive, Function<Command, CompletableFuture<?>> work) {
    this.maxActive = maxActive;
    this.work = work;
  }

  /** Queues a command behind its user's earlier commands. Never blocks. */
  public void submit(Command command) {
    synchronized (this) {
      ArrayDeque<Command> lane = lanes.get(command.user());
      if (lane == null) {
        lane = new ArrayDeque<>();
        lanes.put(command.user(), lane);
        ready.addLast(command.user());
      }
      lane.addLast(command);
    }
    drain();
  }

  /** Commands started and not finished. */
  public synchronized int active() {
    return running.size();
  }

  /** Commands waiting for their user's lane or for a slot. */
  public synchronized int queued() {
    return lanes.values().stream().mapToInt(ArrayDeque::size).sum();
  }

  /**
   * Forgets the commands of {@code partitions} that have not started (their records stay
   * uncommitted, so the partitions' next owner runs them) and returns how many were dropped.
   */
  public synchronized int dropQueued(Set<TopicPartition> partitions) {
    int dropped = 0;
    for (Iterator<Map.Entry<UserKey, ArrayDeque<Command>>> it = lanes.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<UserKey, ArrayDeque<Command>> entry = it.next();
      int before = entry.getValue().size();
      entry.getValue().removeIf(c -> partitions.contains(partitionOf(c)));
      dropped += before - entry.getValue().size();
      if (entry.getValue().isEmpty() && !isRunning(entry.getKey())) {
        it.remove();
        ready.remove(entry.getKey());
      }
    }
    return dropped;
  }

  /**
   * Waits until no command of {@code partitions} is running, or the timeout passes; true if none
   * is.
   */
  public synchronized boolean awaitIdle(Set<TopicPartition> partitions, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (running.stream().anyMatch(c -> partitions.contains(partitionOf(c)))) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  /**
   * Starts every command that may start. Only one thread drains at a time; a thread that finds
   * another draining leaves a request, which that thread honours. This keeps synchronous
   * completions from recursing.
   */
  private void drain() {
    if (drainRequests.getAndIncrement() != 0) {
      return;
    }
    do {
      for (Command command : startable()) {
        start(command);
      }
    } while (drainRequests.decrementAndGet() != 0);
  }

  private synchronized List<Command> startable() {
    List<Command> out = new ArrayList<>();
    while (running.size() < maxActive && !ready.isEmpty()) {
      Command command = lanes.get(ready.pollFirst()).pollFirst();
      running.add(command);
      out.add(command);
    }
    return out;
  }

  private void start(Command command) {
    CompletableFuture<?> done;
    try {
      done = work.apply(command);
    } catch (RuntimeException e) {
      done = CompletableFuture.failedFuture(e);
    }
    done.whenComplete((result, failure) -> finished(command));
  }

  private void finished(Command command) {
    synchronized (this) {
      running.remove(command);
      ArrayDeque<Command> lane = lanes.get(command.user());
      if (lane.isEmpty()) {
        lanes.remove(command.user());
      } else {
        ready.addLast(command.user());
      }
      notifyAll();
    }
    drain();
  }

  private boolean isRunning(UserKey user) {
    return running.stream().anyMatch(c -> c.user().equals(user));
  }

  private static TopicPartition partitionOf(Command command) {
    return new TopicPartition(command.source().topic(), command.source().partition());
  }
}
