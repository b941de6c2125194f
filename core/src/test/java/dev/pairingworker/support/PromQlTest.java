package dev.pairingworker.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {
  @Test
  void findsTheSelectedMetricsNotFunctionsLabelsOrStrings() {
    assertThat(
            PromQl.metricNames(
                "histogram_quantile(0.95, sum by (le, op) (rate(a_seconds_bucket{status=~\"5..|x_y\"}"
                    + "[$__rate_interval]))) / on (op) group_left sum(b_total offset 5m) and c"))
        .containsExactly("a_seconds_bucket", "b_total", "c");
  }

  @Test
  void aBareGaugeIsAMetric() {
    assertThat(PromQl.metricNames("pairing_worker_in_flight"))
        .containsExactly("pairing_worker_in_flight");
  }

  @Test
  void histogramSeriesShareTheirFamily() {
    assertThat(PromQl.family("x_seconds_bucket")).isEqualTo("x_seconds");
    assertThat(PromQl.family("x_seconds_count")).isEqualTo("x_seconds");
    assertThat(PromQl.family("x_seconds_sum")).isEqualTo("x_seconds");
    assertThat(PromQl.family("x_total")).isEqualTo("x_total");
  }
}
