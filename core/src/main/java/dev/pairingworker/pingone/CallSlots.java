package dev.pairingworker.pingone;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * The bound on PingOne calls in flight ({@code worker.max.in-flight}), as an asynchronous FIFO
 * semaphore: a command waiting for a slot, or backing off between attempts, holds no slot and no
 * thread, so it never blocks other users' commands.
 */
public final class CallSlots {
  /** Grants this thread is completing, and those queued meanwhile (see {@link #grant}). */
  private static final ThreadLocal<ArrayDeque<CompletableFuture<Void>>> GRANTING =
      new ThreadLocal<>();

  private final int permits;
  private final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
  private int inUse;

  public CallSlots(int permits) {
    if (permits < 1) {
      throw new IllegalArgumentException("permits must be at least 1: " + permits);
    }
    this.permits = permits;
  }

  /** Completes when a slot is granted; slots are granted in request order. */
  public CompletableFuture<Void> acquire() {
    synchronized (this) {
      if (inUse < permits && waiting.isEmpty()) {
        inUse++;
        return CompletableFuture.completedFuture(null);
      }
      CompletableFuture<Void> granted = new CompletableFuture<>();
      waiting.addLast(granted);
      return granted;
    }
  }

  /** Returns a slot; the longest waiter gets it (completed outside the lock). */
  public void release() {
    CompletableFuture<Void> next;
    synchronized (this) {
      next = waiting.pollFirst();
      if (next == null) {
        inUse--;
        return;
      }
    }
    grant(next);
  }

  /**
   * Completes {@code next}. A waiter's continuation may give its slot straight back (a command
   * abandoned when its partition was revoked), which grants the next waiter from inside this call:
   * done recursively, a revocation with thousands of waiters overflowed the stack, and the waiter
   * whose completion overflowed was never completed (its command, and its slot, lost). So a grant
   * made from inside another on the same thread is queued and completed by the outermost one.
   */
  private static void grant(CompletableFuture<Void> next) {
    ArrayDeque<CompletableFuture<Void>> queued = GRANTING.get();
    if (queued != null) {
      queued.addLast(next);
      return;
    }
    queued = new ArrayDeque<>();
    GRANTING.set(queued);
    try {
      for (CompletableFuture<Void> granted = next; granted != null; granted = queued.pollFirst()) {
        granted.complete(null);
      }
    } finally {
      GRANTING.remove();
    }
  }

  /** Calls in flight now. */
  public synchronized int inUse() {
    return inUse;
  }

  /** Commands waiting for a slot. */
  public synchronized int waiting() {
    return waiting.size();
  }
}
