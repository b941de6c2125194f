package dev.pairingworker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docker-compose.yml} agrees with the configuration keys and the files it mounts. Its
 * validity against the Compose Specification is checked by {@code .ci/compose-lint} (dclint).
 */
class ComposeFileTest {
  private static final Path COMPOSE = Path.of("docker-compose.yml");
  private static final Pattern WORKER_ENV =
      Pattern.compile("(?m)^\\s+(PAIRING_WORKER_[A-Z0-9_]+):");
  private static final Pattern MOUNT = Pattern.compile("(?m)^\\s+- (\\./[^:]+):");

  @Test
  void everyWorkerVariableNamesAConfigKey() throws IOException {
    List<String> known = WorkerSettings.all().stream().map(ConfigKey::envVariable).toList();
    List<String> used = matches(WORKER_ENV, Files.readString(COMPOSE));

    assertThat(used).isNotEmpty();
    assertThat(known).containsAll(used);
  }

  @Test
  void everyMountedFileExists() throws IOException {
    List<String> mounts = matches(MOUNT, Files.readString(COMPOSE));

    assertThat(mounts).contains("./config/prometheus.yml", "./config/grafana/dashboards");
    assertThat(mounts).allSatisfy(path -> assertThat(Path.of(path)).exists());
  }

  @Test
  void prometheusScrapesTheWorkersMetricsPort() throws IOException {
    Matcher port =
        Pattern.compile("PAIRING_WORKER_METRICS_PORT: \"(\\d+)\"")
            .matcher(Files.readString(COMPOSE));
    assertThat(port.find()).isTrue();

    assertThat(Files.readString(Path.of("config", "prometheus.yml")))
        .contains("\"simulator:" + port.group(1) + "\"");
  }

  private static List<String> matches(Pattern pattern, String text) {
    return pattern.matcher(text).results().map(m -> m.group(1)).toList();
  }
}
