package dev.pairingworker.metrics;

import dev.pairingworker.command.Op;
import dev.pairingworker.command.ReplyStatus;
import dev.pairingworker.pingone.PingOneObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The worker's meters on a registry that is passed in, never global.
 *
 * <p>Counters and timers are registered once per name and tags and then reused: a command counts at
 * least two (its PingOne request, its answer), and building a meter's ID, sorting its tags and
 * looking it up in the registry each time was a visible part of a cold worker's CPU per command
 * (docs/benchmarks.md, section 0).
 */
public final class WorkerMetrics implements PingOneObserver {
  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
    Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
    Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)
  };

  private final MeterRegistry registry;

  /** Meters registered so far, by metric and tags. */
  private final ConcurrentHashMap<Key, Counter> counters = new ConcurrentHashMap<>();

  private final ConcurrentHashMap<Key, Timer> timers = new ConcurrentHashMap<>();

  public WorkerMetrics(MeterRegistry registry) {
    this.registry = registry;
    registerZeroes();
  }

  /**
   * Counters of rare events whose labels are a closed set exist from the start at zero, so that
   * {@code rate()} and the dashboard see a series before the first event.
   */
  private void registerZeroes() {
    counter(Metric.REPLY_SEND_FAILURES);
    counter(Metric.AMBIGUOUS, "action", "answered");
    counter(Metric.AMBIGUOUS, "action", "retried");
    counter(Metric.LEDGER_REPLAYS);
    counter(Metric.LEDGER_UNFINISHED, "action", "answer");
    counter(Metric.LEDGER_UNFINISHED, "action", "retry");
    counter(Metric.LEDGER_EVICTIONS, "reason", "retention");
    counter(Metric.LEDGER_EVICTIONS, "reason", "size");
    counter(Metric.TRANSACTIONS, "result", "committed");
    counter(Metric.TRANSACTIONS, "result", "aborted");
    for (Op op : Op.values()) {
      counter(Metric.RATE_LIMITED, "op", op.wireName());
    }
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void commandAnswered(String op, ReplyStatus status) {
    counter(Metric.COMMANDS, "op", op == null ? "unknown" : op, "status", status.name())
        .increment();
  }

  public void deadLettered(String code) {
    counter(Metric.DEAD_LETTERS, "code", code).increment();
  }

  public void ledgerReplay() {
    counter(Metric.LEDGER_REPLAYS).increment();
  }

  /** A create found STARTED but not COMPLETED; {@code action} is answer or retry. */
  public void unfinishedCreate(String action) {
    counter(Metric.LEDGER_UNFINISHED, "action", action).increment();
  }

  /** Ledger entries forgotten from memory; {@code reason} is retention or size. */
  public void ledgerEvictions(String reason, int count) {
    counter(Metric.LEDGER_EVICTIONS, "reason", reason).increment(count);
  }

  public void replySendFailed() {
    counter(Metric.REPLY_SEND_FAILURES).increment();
  }

  /** A Kafka transaction ended; {@code result} is committed or aborted. */
  public void transaction(String result) {
    counter(Metric.TRANSACTIONS, "result", result).increment();
  }

  /** Registers a gauge read from {@code value} at each scrape. */
  public void gauge(Metric metric, Supplier<Number> value) {
    Gauge.builder(metric.meterName(), value).description(metric.description()).register(registry);
  }

  @Override
  public void apiCall(Op op, String outcome, Duration elapsed) {
    timer(Metric.PINGONE_REQUEST, "op", op.wireName(), "status", outcome).record(elapsed);
    if ("429".equals(outcome)) {
      counter(Metric.RATE_LIMITED, "op", op.wireName()).increment();
    }
  }

  @Override
  public void retry(Op op, String reason) {
    counter(Metric.RETRIES, "op", op.wireName(), "reason", reason).increment();
  }

  @Override
  public void gaveUp(Op op, String reason, boolean outcomeUnknown) {
    counter(Metric.GIVE_UPS, "op", op.wireName(), "reason", reason).increment();
  }

  /**
   * A create attempt's outcome was unknown; {@code action} is {@code answered} or {@code retried}.
   */
  public void ambiguousOutcome(String action) {
    counter(Metric.AMBIGUOUS, "action", action).increment();
  }

  @Override
  public void tokenRequest(String outcome, Duration elapsed) {
    timer(Metric.TOKEN_REQUEST, "status", outcome).record(elapsed);
  }

  private Counter counter(Metric metric, String... tags) {
    return registered(
        counters,
        new Key(metric, tags),
        () ->
            Counter.builder(metric.meterName())
                .description(metric.description())
                .tags(tags)
                .register(registry));
  }

  private Timer timer(Metric metric, String... tags) {
    return registered(
        timers,
        new Key(metric, tags),
        () ->
            Timer.builder(metric.meterName())
                .description(metric.description())
                .tags(tags)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry));
  }

  /** The meter known by {@code key}, registered by {@code register} the first time. */
  private static <M> M registered(ConcurrentHashMap<Key, M> known, Key key, Supplier<M> register) {
    M meter = known.get(key); // the usual case, without computeIfAbsent's locking
    return meter != null ? meter : known.computeIfAbsent(key, k -> register.get());
  }

  /** A meter's metric and tags (names and values, alternating). */
  private static final class Key {
    private final Metric metric;
    private final String[] tags;
    private final int hash;

    Key(Metric metric, String[] tags) {
      this.metric = metric;
      this.tags = tags;
      this.hash = 31 * metric.hashCode() + Arrays.hashCode(tags);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && metric == key.metric && Arrays.equals(tags, key.tags);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
