package dev.pairingworker.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedJsonTest {
  private static final String ENV = "0c5a3b0e-1d2f-4e6a-8b7c-9d0e1f2a3b4c";
  private static final String USER = "2b3c4d5e-6f70-4a81-9b2c-3d4e5f6a7b8c";
  private static final String APP = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";
  private static final String POLICY = "4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a";

  @Test
  void aSeedFileReadsWithItsDefaults() {
    TenantSeed seed =
        TenantSeed.fromJson(
            """
            {"environments": [{
              "id": "%s",
              "users": ["%s"],
              "applications": [
                {"id": "%s", "kind": "NATIVE"},
                {"id": "%s", "clientId": "worker", "clientSecret": "s", "mfaRole": true}
              ],
              "policies": [{"id": "%s", "keyFormat": "ALPHANUMERIC", "keyLifetime": "PT1H"}]
            }]}
            """
                .formatted(ENV, USER, APP, ApplicationSeed.derivedId("worker"), POLICY));

    EnvironmentSeed environment = seed.environments().get(0);
    assertThat(environment.users()).containsExactly(USER);
    assertThat(environment.applications())
        .containsExactly(ApplicationSeed.nativeApp(APP), ApplicationSeed.worker("worker", "s"));
    assertThat(environment.policies())
        .containsExactly(
            new PolicySeed(POLICY, PairingKeyFormat.ALPHANUMERIC, Duration.ofHours(1), false));
    assertThat(TenantSeed.fromJson(seed.toJson())).isEqualTo(seed);
  }

  @Test
  void mistakesAreRefusedNamingWhereTheyAre() {
    assertThatThrownBy(
            () -> TenantSeed.fromJson("{\"environments\":[{\"id\":\"" + ENV + "\",\"user\":[]}]}"))
        .hasMessage("seed: environments[0].user is not a known field");
    assertThatThrownBy(
            () ->
                TenantSeed.fromJson(
                    "{\"environments\":[{\"id\":\""
                        + ENV
                        + "\",\"applications\":[{\"id\":\""
                        + APP
                        + "\",\"tokenEndpointAuthMethod\":\"BASIC\",\"clientSecret\":\"s\"}]}]}"))
        .hasMessageStartingWith(
            "seed: environments[0].applications[0].tokenEndpointAuthMethod must be one of");
    assertThatThrownBy(() -> TenantSeed.empty().withUsers(ENV, List.of("USER")))
        .hasMessage("environment " + ENV + ": user id must be a lowercase UUID: USER");
    assertThatThrownBy(
            () -> new PolicySeed(POLICY, PairingKeyFormat.NUMERIC, Duration.ofHours(49), true))
        .hasMessageContaining("keyLifetime must be between 1 minute and 48 hours");
  }

  @Test
  void aSecretNeverAppearsInToString() {
    assertThat(ApplicationSeed.worker("worker", "hunter2").toString()).doesNotContain("hunter2");
  }
}
