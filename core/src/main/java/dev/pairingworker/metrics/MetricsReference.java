package dev.pairingworker.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Renders {@code docs/metrics.md} from the {@link Metric} catalogue. */
public final class MetricsReference {
  public static final Path CHECKED_IN = Path.of("docs", "metrics.md");

  private MetricsReference() {}

  /** Writes the reference to the path given as the only argument, or to {@link #CHECKED_IN}. */
  public static void main(String[] args) throws IOException {
    Path target = args.length > 0 ? Path.of(args[0]) : CHECKED_IN;
    Files.writeString(target, renderMarkdown(), StandardCharsets.UTF_8);
  }

  public static String renderMarkdown() {
    StringBuilder out = new StringBuilder();
    out.append("# Metrics reference\n\n")
        .append(
            "<!-- Generated from dev.pairingworker.metrics.Metric; do not edit by hand. -->\n\n")
        .append(
            "Served in Prometheus text format on `http://<host>:<metrics.port>/metrics`. Timers have\n")
        .append("`_count`, `_sum`, `_max` and `_bucket` series (buckets from 5 ms to 10 s).\n\n")
        .append("| name | type | labels | description |\n")
        .append("|---|---|---|---|\n");
    for (Metric metric : Metric.values()) {
      out.append("| `")
          .append(metric.prometheusName())
          .append("` | ")
          .append(metric.type().name().toLowerCase(java.util.Locale.ROOT))
          .append(" | ")
          .append(metric.tags().stream().map(t -> "`" + t + "`").collect(Collectors.joining(", ")))
          .append(" | ")
          .append(metric.description())
          .append(" |\n");
    }
    out.append(
            "\nAlso exported: JVM meters (`jvm_*`, `process_*`, `system_*`) and the Kafka clients'\n")
        .append(
            "own metrics (`kafka_consumer_*`, `kafka_producer_*`). Consumer lag per partition is\n")
        .append(
            "`kafka_consumer_fetch_manager_records_lag{topic,partition}` (records not yet fetched);\n")
        .append(
            "it appears within 10 s of a partition assignment (the Kafka meters are re-read every 10 s).\n")
        .append(
            "Token refreshes are `pairing_worker_token_request_seconds_count`; replies by status are\n")
        .append(
            "`pairing_worker_commands_total{status}`. The Grafana dashboard in `config/grafana/`\n")
        .append("queries only metrics named here (`DashboardIT` checks them in a real scrape).\n\n")
        .append(
            "Health: `/health/live` (200 while the poll loop runs) and `/health/ready` (200 once\n")
        .append(
            "partitions are assigned, a token was obtained and the last token request succeeded;\n")
        .append(
            "503 otherwise). Both answer JSON: `pollLoopRunning`, `assignedPartitions`, `pingOneAuth`\n")
        .append(
            "(`ok`, `no token obtained yet` or the failure) and `notReadyBecause` (a list, empty when\n")
        .append(
            "ready). The worker asks for a token at start-up and every 15 s while it has none, so an\n")
        .append("idle worker's readiness reflects PingOne auth too.\n");
    return out.toString();
  }
}
