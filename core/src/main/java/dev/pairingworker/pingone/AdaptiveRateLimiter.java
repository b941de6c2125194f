package dev.pairingworker.pingone;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * Paces PingOne calls at a rate that backs off on 429s and climbs back while they stay away (AIMD).
 *
 * <p>{@link #reserve()} is a virtual-time scheduler (GCRA): each reservation takes the next send
 * time, one interval after the previous, and returns the wait until it. An idle limiter lets a
 * short burst (see {@link RateLimitSettings#burstWindow()}) through at once; in any one-second
 * window at most {@code rate + burst} calls are sent.
 *
 * <p>The queue ahead is not bounded here: a reservation always succeeds, however far ahead it
 * lands, because callers schedule the wait rather than block a thread on it. What bounds it is the
 * dispatcher's limit on commands in flight (the wait is at most about {@code inFlight / rate});
 * {@link #backlog()} shows it for a gauge.
 *
 * <p>{@link #share(double)} scales the limit (and the floor, and the climb) to the part of it this
 * limiter may use; the current rate follows in proportion, so a worker that owns half of the
 * partitions it owned before paces at half the rate at once.
 *
 * <p>Thread-safe: every method is a short synchronized section of arithmetic.
 */
public final class AdaptiveRateLimiter implements RateLimiter {
  private static final double NANOS_PER_SECOND = 1e9;
  private static final int BUCKETS = 10;
  private static final long BUCKET_NANOS = 100_000_000L;

  private final RateLimitSettings settings;
  private final Clock clock;
  private final Instant origin;
  private final long cooldownNanos;
  private final long burstNanos;

  // Guarded by this. Times are nanoseconds since origin.
  private double rate;
  private long nextSendAt;
  private long recoveredUpTo;
  private long lastCutAt;
  private double share = 1;

  /** Answers of the last second, in ten buckets of 100 ms: all of them, and the 429s. */
  private final long[] bucketSlot = new long[BUCKETS];

  private final int[] answered = new int[BUCKETS];
  private final int[] limited = new int[BUCKETS];

  /** Send times (since origin) admitted within the last second, oldest first. */
  private final ArrayDeque<Long> sentLastSecond = new ArrayDeque<>();

  public AdaptiveRateLimiter(RateLimitSettings settings, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.origin = clock.instant();
    this.cooldownNanos = settings.cooldown().toNanos();
    this.burstNanos = settings.burstWindow().toNanos();
    this.rate = settings.limit();
    this.lastCutAt = -cooldownNanos;
    java.util.Arrays.fill(bucketSlot, Long.MIN_VALUE);
  }

  /**
   * Takes the next send slot.
   *
   * @return how long until it; may be long when many calls are queued, never negative
   */
  @Override
  public synchronized Duration reserve() {
    long now = now();
    recover(now);
    long interval = intervalNanos();
    long tolerance = Math.max(0, burstNanos - interval);
    nextSendAt = Math.max(nextSendAt, now);
    long sendAt = Math.max(now, nextSendAt - tolerance);
    nextSendAt += interval;
    return Duration.ofNanos(sendAt - now);
  }

  /**
   * Admits a send now unless the last second already holds the current rate's worth of sends: a
   * sliding-window count, the way a server counts, so a late batch of wake-ups cannot burst past
   * it.
   *
   * @return zero when admitted (and counted), else how long until the oldest send leaves the window
   */
  @Override
  public synchronized Duration admit() {
    long now = now();
    recover(now);
    long windowStart = now - (long) NANOS_PER_SECOND;
    while (!sentLastSecond.isEmpty() && sentLastSecond.peekFirst() <= windowStart) {
      sentLastSecond.removeFirst();
    }
    long capacity = Math.max(1, (long) Math.floor(rate));
    if (sentLastSecond.size() < capacity) {
      sentLastSecond.addLast(now);
      return Duration.ZERO;
    }
    return Duration.ofNanos(sentLastSecond.peekFirst() - windowStart);
  }

  /**
   * A 429 cuts the rate, at most once per cooldown, and only when 429s are at least {@link
   * RateLimitSettings#cutShare()} of the last second's answers; every answer lets the rate climb
   * back with time.
   */
  @Override
  public synchronized void onAnswer(int httpStatus) {
    long now = now();
    recover(now);
    count(now, httpStatus == 429);
    if (httpStatus == 429
        && now - lastCutAt >= cooldownNanos
        && share429(now) >= settings.cutShare()) {
      rate = Math.max(minRate(share), rate * settings.decreaseFactor());
      lastCutAt = now;
    }
  }

  private void count(long now, boolean is429) {
    long slot = now / BUCKET_NANOS;
    int i = (int) (slot % BUCKETS);
    if (bucketSlot[i] != slot) {
      bucketSlot[i] = slot;
      answered[i] = 0;
      limited[i] = 0;
    }
    answered[i]++;
    if (is429) {
      limited[i]++;
    }
  }

  /** The share of 429s among the answers of the last second (ten buckets, this one included). */
  private double share429(long now) {
    long slot = now / BUCKET_NANOS;
    long all = 0;
    long rateLimited = 0;
    for (int i = 0; i < BUCKETS; i++) {
      if (bucketSlot[i] > slot - BUCKETS) {
        all += answered[i];
        rateLimited += limited[i];
      }
    }
    return all == 0 ? 0 : (double) rateLimited / all;
  }

  @Override
  public synchronized void share(double newShare) {
    if (!(newShare > 0 && newShare <= 1)) {
      throw new IllegalArgumentException("share must be in (0, 1], was " + newShare);
    }
    recover(now());
    rate = Math.max(minRate(newShare), Math.min(limit(newShare), rate * newShare / share));
    share = newShare;
  }

  /** The part of the limit this limiter uses now. */
  public synchronized double share() {
    return share;
  }

  /** Requests per second now allowed; for a gauge. */
  public synchronized double currentRate() {
    recover(now());
    return rate;
  }

  /** How far ahead of now the next free send slot is; zero when idle. For a gauge. */
  public synchronized Duration backlog() {
    return Duration.ofNanos(Math.max(0, nextSendAt - now()));
  }

  private void recover(long now) {
    if (now > recoveredUpTo) {
      double seconds = (now - recoveredUpTo) / NANOS_PER_SECOND;
      double increase = settings.increasePerSecond() * limit(share) * seconds;
      rate = Math.min(limit(share), rate + increase);
      recoveredUpTo = now;
    }
  }

  private double limit(double part) {
    return settings.limit() * part;
  }

  private double minRate(double part) {
    return settings.minRate() * part;
  }

  /** Rounded up, so rounding never lets the rate be exceeded. */
  private long intervalNanos() {
    return (long) Math.ceil(NANOS_PER_SECOND / rate);
  }

  private long now() {
    return Duration.between(origin, clock.instant()).toNanos();
  }

  @Override
  public String toString() {
    return "AdaptiveRateLimiter" + settings;
  }
}
