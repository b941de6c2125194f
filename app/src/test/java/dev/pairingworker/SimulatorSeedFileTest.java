package dev.pairingworker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pairingworker.simulator.ApplicationSeed;
import dev.pairingworker.simulator.EnvironmentSeed;
import dev.pairingworker.simulator.TenantSeed;
import dev.pairingworker.support.ProjectRoot;
import java.io.Reader;
import java.nio.file.Files;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The seed docker compose gives its strict simulator holds what the compose worker uses. */
class SimulatorSeedFileTest {

  @Test
  void theSeedHoldsTheWorkersEnvironmentAndApplicationWithTheMfaRole() throws Exception {
    TenantSeed seed = TenantSeed.read(ProjectRoot.resolve("config", "simulator-seed.json"));
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(ProjectRoot.resolve("config", "worker.properties"))) {
      properties.load(in);
    }
    JsonNode worker =
        new ObjectMapper(new YAMLFactory())
            .readTree(ProjectRoot.resolve("docker-compose.yml").toFile())
            .path("services")
            .path("worker")
            .path("environment");

    EnvironmentSeed environment =
        seed.environments().stream()
            .filter(e -> e.id().equals(properties.getProperty("pingone.environment.id")))
            .findFirst()
            .orElseThrow();
    ApplicationSeed application =
        environment.applications().stream()
            .filter(
                a -> worker.path("PAIRING_WORKER_PINGONE_CLIENT_ID").asText().equals(a.clientId()))
            .findFirst()
            .orElseThrow();
    assertThat(application.mfaRole()).isTrue();
    assertThat(application.clientSecret())
        .isEqualTo(worker.path("PAIRING_WORKER_PINGONE_CLIENT_SECRET").asText());
    // The user of the README's example command.
    assertThat(environment.users()).contains("b6b2f190-beb8-4a5d-a4ad-6137df7f993d");
  }

  @Test
  void composeStartsTheSimulatorWithTheSeed() throws Exception {
    JsonNode simulator =
        new ObjectMapper(new YAMLFactory())
            .readTree(ProjectRoot.resolve("docker-compose.yml").toFile())
            .path("services")
            .path("simulator");

    assertThat(simulator.path("command").toString())
        .contains("\"--seed\",\"/config/simulator-seed.json\"");
    assertThat(simulator.path("volumes").toString())
        .contains("./config/simulator-seed.json:/config/simulator-seed.json:ro");
  }
}
