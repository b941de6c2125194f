package dev.pairingworker.metrics;

import java.util.List;

/**
 * Every meter the worker exports, defined once. Names are Micrometer's dotted names; the Prometheus registry
 * renders them with underscores and the unit or {@code _total} suffix shown in {@link #prometheusName()}.
 */
public enum Metric {
  COMMANDS(
      "pairing_worker.commands", Type.COUNTER, "Commands answered, by op and reply status.", "op", "status"),
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
  IN_FLIGHT("pairing_worker.in_flight", Type.GAUGE, "Commands running against PingOne now."),
  QUEUED("pairing_worker.queued", Type.GAUGE, "Valid commands waiting for their user's lane or a slot."),
  BUFFERED(
      "pairing_worker.buffered_records",
      Type.GAUGE,
      "Records held in memory whose offsets cannot be committed yet; the consumer pauses at worker.max.buffered."),
  DEAD_LETTERS(
      "pairing_worker.dead_letters",
      Type.COUNTER,
      "Records written to the dead-letter topic, by worker error code.",
      "code"),
  REPLY_SEND_FAILURES(
      "pairing_worker.reply.send.failures",
      Type.COUNTER,
      "Reply or dead-letter sends the broker did not acknowledge; each is retried.");

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

  /** The name in a Prometheus scrape (a timer also has {@code _count}, {@code _sum}, {@code _max}). */
  public String prometheusName() {
    String base = name.replace('.', '_');
    return switch (type) {
      case COUNTER -> base + "_total";
      case TIMER -> base + "_seconds";
      case GAUGE -> base;
    };
  }
}
