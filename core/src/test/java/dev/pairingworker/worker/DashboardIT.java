package dev.pairingworker.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairingworker.metrics.Metric;
import dev.pairingworker.simulator.FaultSettings;
import dev.pairingworker.support.ProjectRoot;
import dev.pairingworker.support.PromQl;
import dev.pairingworker.support.WorkerFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Grafana cannot run here; instead, every metric the dashboard's PromQL selects must exist in a
 * real scrape of a worker that did some work (including 429s, retries, a give-up and a dead
 * letter).
 */
class DashboardIT {
  private static final Path DASHBOARD =
      ProjectRoot.resolve("config", "grafana", "dashboards", "pairing-worker.json");

  @Test
  void everyMetricTheDashboardQueriesExistsInARealScrape() throws Exception {
    Set<String> referenced = referencedMetrics();
    assertThat(referenced).isNotEmpty();

    String scrape;
    try (WorkerFixture fx =
        WorkerFixture.start(
            sim -> sim.withFaults(FaultSettings.none().withRateLimitPerSecond(2)),
            Map.of("pingone.retry.base-delay", "50ms"))) {
      doSomeWork(fx);
      // Per-partition Kafka client meters appear at the binder's next refresh (every 10 s).
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> seriesNames(scrape(fx)).contains("kafka_consumer_fetch_manager_records_lag"));
      scrape = scrape(fx);
      assertThat(scrape)
          .as("consumer lag per partition")
          .containsPattern(
              "kafka_consumer_fetch_manager_records_lag\\{[^}]*partition=\"0\",topic=\""
                  + fx.commands
                  + "\"");
    }
    Set<String> series = seriesNames(scrape);

    assertThat(referenced).allSatisfy(name -> assertThat(series).as(name).contains(name));
    assertThat(referenced.stream().map(PromQl::family).collect(Collectors.toSet()))
        .as("the dashboard shows every metric of the catalogue")
        .containsAll(java.util.Arrays.stream(Metric.values()).map(Metric::prometheusName).toList());
  }

  private static void doSomeWork(WorkerFixture fx) throws Exception {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String key = "dash-" + i;
      keys.add(key);
      fx.client.send(key, fx.create(UUID.randomUUID().toString()), Map.of());
    }
    for (String key : keys) {
      fx.client.reply(key).get(60, TimeUnit.SECONDS);
    }
    fx.callJson("dash-absent", fx.get(UUID.randomUUID().toString(), UUID.randomUUID().toString()));
    fx.callJson("dash-invalid", "{\"op\":\"nope\"}");
  }

  private static Set<String> referencedMetrics() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode expr : dashboard.findValues("expr")) {
      out.addAll(PromQl.metricNames(expr.asText()));
    }
    return out;
  }

  /** Names of the samples in a Prometheus text scrape (comments skipped). */
  private static Set<String> seriesNames(String scrape) {
    return scrape
        .lines()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .map(line -> line.split("[{ ]", 2)[0])
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static String scrape(WorkerFixture fx) throws Exception {
    URI uri = URI.create("http://localhost:" + fx.worker.metricsPort() + "/metrics");
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
