package dev.pairingworker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairingworker.support.ProjectRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MetricsReferenceTest {
  private static final String REGENERATE =
      "docs/metrics.md is stale; regenerate it with:"
          + " mvn -q test -Dtest=MetricsReferenceTest -Dregenerate.docs=true";

  @Test
  void checkedInReferenceIsCurrent() throws IOException {
    Path file = ProjectRoot.resolve(MetricsReference.CHECKED_IN);
    if (Boolean.getBoolean("regenerate.docs")) {
      MetricsReference.main(new String[] {file.toString()});
    }
    String checkedIn = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";

    assertThat(checkedIn).as(REGENERATE).isEqualTo(MetricsReference.renderMarkdown());
  }

  @Test
  void namesFollowPrometheusConventions() {
    for (Metric metric : Metric.values()) {
      assertThat(metric.prometheusName()).startsWith("pairing_worker_").matches("[a-z_]+");
      switch (metric.type()) {
        case COUNTER -> assertThat(metric.prometheusName()).endsWith("_total");
        case TIMER -> assertThat(metric.prometheusName()).endsWith("_seconds");
        case GAUGE -> assertThat(metric.prometheusName()).doesNotEndWith("_total");
      }
    }
  }
}
