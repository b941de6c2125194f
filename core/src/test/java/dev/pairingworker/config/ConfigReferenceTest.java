package dev.pairingworker.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairingworker.support.ProjectRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigReferenceTest {
  private static final String REGENERATE =
      "docs/configuration.md is stale; regenerate it with:"
          + " mvn -q test -Dtest=ConfigReferenceTest -Dregenerate.docs=true";

  @Test
  void checkedInReferenceIsCurrent() throws IOException {
    String rendered = ConfigReference.renderMarkdown();
    Path file = ProjectRoot.resolve(ConfigReference.CHECKED_IN);
    if (Boolean.getBoolean("regenerate.docs")) {
      ConfigReference.main(new String[] {file.toString()});
    }

    String checkedIn = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";

    assertThat(checkedIn).as(REGENERATE).isEqualTo(rendered);
  }

  @Test
  void everyKeyHasARowWithItsVariable() {
    String rendered = ConfigReference.renderMarkdown();

    for (ConfigKey<?> key : WorkerSettings.all()) {
      assertThat(rendered).contains("| `" + key.name() + "` | `" + key.envVariable() + "` |");
    }
    assertThat(rendered)
        .contains(
            "| `worker.max.in-flight` | `PAIRING_WORKER_WORKER_MAX_IN___FLIGHT` | int | `64` |")
        .contains(
            "| `pingone.environment.id` | `PAIRING_WORKER_PINGONE_ENVIRONMENT_ID` | UUID |"
                + " *required* |")
        .contains(
            "| `pingone.api.url` | `PAIRING_WORKER_PINGONE_API_URL` | URL | from `pingone.region`"
                + " |")
        .contains("| `kafka.*` | `PAIRING_WORKER_KAFKA_*` | string |");
  }
}
