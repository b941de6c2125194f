package dev.pairingworker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  private static final String EXPOSITION =
      """
      # HELP jvm_memory_used_bytes The amount of used memory
      # TYPE jvm_memory_used_bytes gauge
      jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.048576E7
      jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 2.097152E7
      jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 4.0E7
      jvm_memory_used_bytes_total{area="heap"} 99
      pairing_worker_in_flight 17.0
      pairing_worker_pingone_rate_limit NaN
      pairing_worker_in_flight_other 5.0
      """;

  @Test
  void theHeapIsTheSumOverItsPools() {
    assertThat(PrometheusText.sum(EXPOSITION, "jvm_memory_used_bytes", Map.of("area", "heap")))
        .isEqualTo(10485760.0 + 20971520.0);
  }

  @Test
  void aSampleWithoutLabelsIsReadWhenNoneAreAsked() {
    assertThat(PrometheusText.sum(EXPOSITION, "pairing_worker_in_flight", Map.of()))
        .isEqualTo(17.0);
  }

  @Test
  void aGaugeWithoutValueReadsNaN() {
    assertThat(PrometheusText.sum(EXPOSITION, "pairing_worker_pingone_rate_limit", Map.of()))
        .isNaN();
  }

  @Test
  void anAbsentMetricReadsNaN() {
    assertThat(PrometheusText.sum(EXPOSITION, "jvm_threads_live_threads", Map.of())).isNaN();
  }

  @Test
  void labelValuesMayHoldEscapedQuotesAndBraces() {
    String exposition = "m{id=\"a \\\"b\\\" {c}\",area=\"heap\"} 3\nm{area=\"nonheap\"} 4\n";

    assertThat(PrometheusText.sum(exposition, "m", Map.of("area", "heap"))).isEqualTo(3.0);
  }
}
