package dev.pairingworker.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders {@code docs/configuration.md} from {@link WorkerSettings}, so the reference cannot drift
 * from the code. {@code ConfigReferenceTest} fails when the checked-in copy is stale.
 */
public final class ConfigReference {
  /** Where the reference is checked in, relative to the project root. */
  public static final Path CHECKED_IN = Path.of("docs", "configuration.md");

  private static final String INTRO =
      """
      # Configuration reference

      <!-- Generated from dev.pairingworker.config.WorkerSettings; do not edit by hand.
           Regenerate: mvn -q test -Dtest=ConfigReferenceTest -Dregenerate.docs=true -->

      The worker reads a properties file (example: `config/worker.properties`); every key can
      be overridden by an environment variable, which wins over the file. A key that is not
      listed here and does not start with `kafka.` is rejected at start, so typos fail fast.

      """;

  private static final String RULES =
      """

      ## Environment variables

      The variable for a key is `PAIRING_WORKER_` followed by the key in upper case, with
      `.` written `_`, `_` written `__` and `-` written `___` (the convention of Confluent's
      Docker images). For example `pingone.client.secret` is `PAIRING_WORKER_PINGONE_CLIENT_SECRET`
      and `worker.max.in-flight` is `PAIRING_WORKER_WORKER_MAX_IN___FLIGHT`. Any
      `PAIRING_WORKER_KAFKA_*` variable is read back the same way into a `kafka.*` key:
      `PAIRING_WORKER_KAFKA_SASL_JAAS_CONFIG` sets `kafka.sasl.jaas.config`. Other
      `PAIRING_WORKER_*` variables that match no key are ignored with a warning.

      ## Value formats

      - **duration**: `500ms`, `30s`, `5m`, `1h`, or ISO-8601 such as `PT30S`.
      - **int**: digits with an optional leading `-`; nothing else (`1.0`, `+5`, `1e3` are rejected).
      - **URL**: absolute `https` URL without query or fragment; a trailing `/` is dropped.
        Plain `http` is accepted only for `localhost`, `127.0.0.0/8` and `[::1]`.
      - **UUID**: lowercase, 8-4-4-4-12 hex digits.
      - Leading and trailing whitespace is removed; an empty value is an error.
      - Error messages name the key and the rejected value, except for secret keys, whose
        value is never printed.

      ## Kafka client settings

      Every `kafka.*` key is passed, without the `kafka.` prefix, to every Kafka client the
      worker creates: for example `kafka.security.protocol`, `kafka.sasl.mechanism`,
      `kafka.sasl.jaas.config`, `kafka.ssl.truststore.location`. They are not validated here;
      Kafka reports its own errors. `kafka.group.id` is rejected: use `worker.group.id`;
      likewise `kafka.group.instance.id`: use `worker.instance.id`. When
      the configuration is printed, `kafka.*` values whose names contain `password`, `secret`,
      `jaas`, `credentials` or `user.info`, or end in `.key`, are shown as `****`.

      `kafka.group.protocol` chooses the consumer group protocol of the command consumer:

      - `classic` (Kafka's default): the worker sets the cooperative-sticky assignor (unless
        `kafka.partition.assignment.strategy` names another); `kafka.session.timeout.ms`
        (default 45 s) and `kafka.heartbeat.interval.ms` apply.
      - `consumer` (KIP-848; brokers 4.0 and later, whose `group.coordinator.rebalance.protocols`
        includes `consumer`, the default): the broker assigns the partitions
        (`kafka.group.remote.assignor`: `uniform` or `range`; empty lets the broker choose),
        and the session timeout and heartbeat interval are the broker's
        (`group.consumer.session.timeout.ms`, `group.consumer.heartbeat.interval.ms`, or the
        group's `consumer.session.timeout.ms` and `consumer.heartbeat.interval.ms`). The
        consumer refuses `kafka.partition.assignment.strategy`, `kafka.session.timeout.ms` and
        `kafka.heartbeat.interval.ms`: leave them out.

      The worker behaves the same under both (docs/design.md, "Group membership"). Group
      settings concern only the command consumer: the ledger's reader is in no group.
      """;

  private ConfigReference() {}

  /** Writes the reference to the path given as the only argument, or to {@link #CHECKED_IN}. */
  public static void main(String[] args) throws IOException {
    Path target = args.length > 0 ? Path.of(args[0]) : CHECKED_IN;
    Files.writeString(target, renderMarkdown(), StandardCharsets.UTF_8);
  }

  /** The whole reference as Markdown. */
  public static String renderMarkdown() {
    StringBuilder md = new StringBuilder(INTRO);
    appendKeyTable(md);
    appendRegions(md);
    return md.append(RULES).toString();
  }

  private static void appendKeyTable(StringBuilder md) {
    md.append("| key | environment variable | type | default | description |\n")
        .append("|---|---|---|---|---|\n");
    for (ConfigKey<?> key : WorkerSettings.all()) {
      String defaultValue =
          key.defaultValue()
              .map(ConfigReference::code)
              .or(key::derivedDefault)
              .orElse("*required*");
      String type = key.secret() ? key.typeName() + " (secret)" : key.typeName();
      row(md, code(key.name()), code(key.envVariable()), type, defaultValue, key.doc());
    }
    row(
        md,
        code("kafka.*"),
        code("PAIRING_WORKER_KAFKA_*"),
        "string",
        "",
        "Any other Kafka client setting, passed to every client with the prefix stripped"
            + " (see [Kafka client settings](#kafka-client-settings)).");
  }

  private static void appendRegions(StringBuilder md) {
    md.append("\n## Regions\n\n")
        .append("| `pingone.region` | default `pingone.api.url` | default `pingone.auth.url` |\n")
        .append("|---|---|---|\n");
    for (Region region : Region.values()) {
      row(md, code(region.name()), region.apiUrl().toString(), region.authUrl().toString());
    }
  }

  private static void row(StringBuilder md, String... cells) {
    md.append('|');
    for (String cell : cells) {
      md.append(' ').append(cell.replace("|", "\\|")).append(" |");
    }
    md.append('\n');
  }

  private static String code(String text) {
    return text.isEmpty() ? "*empty*" : "`" + text + "`";
  }
}
