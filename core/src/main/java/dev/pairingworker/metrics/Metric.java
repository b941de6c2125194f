package dev.pairingworker.metrics;

import java.util.List;

/**
 * Every meter the worker exports, defined once. Names are Micrometer's dotted names; the Prometheus
 * registry renders them with underscores and the unit or {@code _total} suffix shown in {@link
 * #prometheusName()}.
 */
public enum Metric {
  COMMANDS(
      "pairing_worker.commands",
      Type.COUNTER,
      "Commands answered, by op and reply status.",
      "op",
      "status"),
  PINGONE_REQUEST(
      "pairing_worker.pingone.request",
      Type.TIMER,
      "PingOne API calls, by op and HTTP status (io_error when no answer arrived).",
      "op",
      "status"),
  TOKEN_REQUEST(
      "pairing_worker.token.request",
      Type.TIMER,
      "Access-token requests, by HTTP status (io_error when no answer arrived).",
      "status"),
  IN_FLIGHT(
      "pairing_worker.in_flight",
      Type.GAUGE,
      "PingOne calls in flight now (at most worker.max.in-flight)."),
  WAITING_FOR_SLOT(
      "pairing_worker.waiting_for_slot",
      Type.GAUGE,
      "Commands whose next call waits for a free slot under worker.max.in-flight."),
  ACTIVE(
      "pairing_worker.commands_active",
      Type.GAUGE,
      "Commands started and not yet answered: calling, waiting for a slot or backing off."),
  QUEUED(
      "pairing_worker.queued",
      Type.GAUGE,
      "Valid commands waiting behind an earlier command of the same user."),
  RETRIES(
      "pairing_worker.pingone.retries",
      Type.COUNTER,
      "Attempts that will be retried, by op and reason (status_429, status_503, io_error, token_unavailable, ...).",
      "op",
      "reason"),
  GIVE_UPS(
      "pairing_worker.pingone.give_ups",
      Type.COUNTER,
      "Commands whose attempts ended without success, by op and reason (not_retryable, max_attempts,"
          + " max_total_time, retry_after_too_long, outcome_unknown, token_rejected).",
      "op",
      "reason"),
  AMBIGUOUS(
      "pairing_worker.pingone.ambiguous_outcomes",
      Type.COUNTER,
      "Create attempts whose outcome is unknown (timeout or reset after sending, 502, 504, or a"
          + " create the ledger saw start but never complete), by what the worker did: retried (the"
          + " default; each may have left a second, unclaimed key that expires; the sum of the"
          + " replies' ambiguousAttempts) or answered (OUTCOME_UNKNOWN reply).",
      "action"),
  LEDGER_REPLAYS(
      "pairing_worker.ledger.replays",
      Type.COUNTER,
      "Creates whose transaction had already completed, answered from the ledger (replay: true)"
          + " without calling PingOne."),
  LEDGER_UNFINISHED(
      "pairing_worker.ledger.unfinished_creates",
      Type.COUNTER,
      "Creates the ledger saw start but never complete (the worker stopped in between), by what"
          + " pingone.retry.ambiguous-create made of them: retry (the default: called again, one"
          + " ambiguous attempt in the reply; a second, unclaimed key may exist) or answer"
          + " (OUTCOME_UNKNOWN, PingOne not called).",
      "action"),
  LEDGER_EVICTIONS(
      "pairing_worker.ledger.evictions",
      Type.COUNTER,
      "Ledger entries forgotten from memory, by reason: retention (older than"
          + " worker.ledger.retention) or size (the oldest, beyond worker.ledger.max-entries). A"
          + " create of a forgotten transaction that comes again runs again.",
      "reason"),
  LEDGER_ENTRIES(
      "pairing_worker.ledger.entries",
      Type.GAUGE,
      "Ledger entries held in memory, across the owned partitions (at most"
          + " worker.ledger.max-entries)."),
  RATE_LIMITED(
      "pairing_worker.pingone.rate_limited",
      Type.COUNTER,
      "PingOne answers 429 REQUEST_LIMITED, by op.",
      "op"),
  RATE_LIMIT(
      "pairing_worker.pingone.rate_limit",
      Type.GAUGE,
      "The client-side rate limit now, in calls per second (NaN when pingone.rate.limit is 0); below"
          + " the configured value after 429s."),
  BUFFERED(
      "pairing_worker.buffered_records",
      Type.GAUGE,
      "Records held in memory whose offsets cannot be committed yet; the consumer pauses at worker.max.buffered."),
  PAUSED(
      "pairing_worker.paused_partitions",
      Type.GAUGE,
      "Command partitions paused because worker.max.buffered records are held."),
  DEAD_LETTERS(
      "pairing_worker.dead_letters",
      Type.COUNTER,
      "Records written to the dead-letter topic, by worker error code.",
      "code"),
  REPLY_SEND_FAILURES(
      "pairing_worker.reply.send.failures",
      Type.COUNTER,
      "Reply or dead-letter sends the broker did not acknowledge; each is retried."),
  TRANSACTIONS(
      "pairing_worker.transactions",
      Type.COUNTER,
      "Under exactly_once, Kafka transactions (replies, dead letters and offsets) by result:"
          + " committed or aborted (retried with the next one).",
      "result"),
  OUTBOX(
      "pairing_worker.outbox_records",
      Type.GAUGE,
      "Under exactly_once, replies and dead letters waiting for the transaction that commits them with"
          + " their record's offset (behind an unanswered record of the same partition, or for the next"
          + " transaction interval).");

  /** How a metric is measured. */
  public enum Type {
    COUNTER,
    TIMER,
    GAUGE
  }

  private final String name;
  private final Type type;
  private final String description;
  private final List<String> tags;

  Metric(String name, Type type, String description, String... tags) {
    this.name = name;
    this.type = type;
    this.description = description;
    this.tags = List.of(tags);
  }

  public String meterName() {
    return name;
  }

  public Type type() {
    return type;
  }

  public String description() {
    return description;
  }

  public List<String> tags() {
    return tags;
  }

  /**
   * The name in a Prometheus scrape (a timer also has {@code _count}, {@code _sum}, {@code _max}).
   */
  public String prometheusName() {
    String base = name.replace('.', '_');
    return switch (type) {
      case COUNTER -> base + "_total";
      case TIMER -> base + "_seconds";
      case GAUGE -> base;
    };
  }
}
