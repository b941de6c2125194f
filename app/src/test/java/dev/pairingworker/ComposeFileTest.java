package dev.pairingworker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pairingworker.config.ConfigKey;
import dev.pairingworker.config.EnvNames;
import dev.pairingworker.config.WorkerSettings;
import dev.pairingworker.support.ProjectRoot;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml cannot run here; at least it must agree with the configuration the worker
 * accepts.
 */
class ComposeFileTest {
  private final JsonNode compose = read();

  @Test
  void everyWorkerVariableNamesAKnownKey() {
    Set<String> known =
        WorkerSettings.all().stream().map(ConfigKey::name).collect(Collectors.toSet());
    JsonNode env = compose.path("services").path("worker").path("environment");
    assertThat(env.size()).isPositive();
    for (Map.Entry<String, JsonNode> entry : env.properties()) {
      String variable = entry.getKey();
      Optional<String> key = EnvNames.toKey(variable);
      assertThat(key).as(variable).isPresent();
      assertThat(known.contains(key.get()) || key.get().startsWith("kafka.")).as(variable).isTrue();
    }
  }

  @Test
  void theWorkerRunsWithTheDocumentedConfigAndReachesTheSimulatorOnLoopback() {
    JsonNode worker = compose.path("services").path("worker");
    assertThat(worker.path("command").toString())
        .isEqualTo("[\"run\",\"--config\",\"/config/worker.properties\"]");
    assertThat(worker.path("network_mode").asText()).isEqualTo("service:simulator");
    assertThat(worker.path("environment").path("PAIRING_WORKER_PINGONE_API_URL").asText())
        .startsWith("http://localhost:");
    assertThat(compose.path("services").path("kafka").path("image").asText())
        .startsWith("apache/kafka:");
    assertThat(compose.path("services").path("simulator").path("command").toString())
        .contains("simulate");
  }

  @Test
  void everyMountedFileExists() {
    java.util.List<String> mounts =
        compose.path("services").findValues("volumes").stream()
            .flatMap(list -> java.util.stream.StreamSupport.stream(list.spliterator(), false))
            .map(volume -> volume.asText().split(":")[0])
            .toList();
    assertThat(mounts).contains("./config/prometheus.yml", "./config/grafana/dashboards");
    assertThat(mounts).allSatisfy(path -> assertThat(ProjectRoot.resolve(path)).exists());
  }

  @Test
  void prometheusScrapesTheWorkersMetricsPortThroughTheSimulatorsNetwork() throws Exception {
    String port =
        compose
            .path("services")
            .path("worker")
            .path("environment")
            .path("PAIRING_WORKER_METRICS_PORT")
            .asText();
    JsonNode prometheus =
        new ObjectMapper(new YAMLFactory())
            .readTree(ProjectRoot.resolve("config", "prometheus.yml").toFile());
    assertThat(prometheus.findValues("targets").toString()).contains("simulator:" + port);
  }

  private static JsonNode read() {
    try {
      return new ObjectMapper(new YAMLFactory())
          .readTree(ProjectRoot.resolve("docker-compose.yml").toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
