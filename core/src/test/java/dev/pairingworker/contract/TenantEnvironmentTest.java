package dev.pairingworker.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantEnvironmentTest {
  private static final String ENV = "0b9e8f6a-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
  private static final String USER = "5a4f3e2d-1c0b-4a9f-8e7d-6c5b4a3f2e1d";

  private static Map<String, String> complete() {
    Map<String, String> env = new HashMap<>();
    env.put("PINGONE_CONTRACT_REGION", "eu");
    env.put("PINGONE_CONTRACT_ENVIRONMENT_ID", ENV);
    env.put("PINGONE_CONTRACT_CLIENT_ID", "worker-app");
    env.put("PINGONE_CONTRACT_CLIENT_SECRET", "s3cret-value");
    env.put("PINGONE_CONTRACT_USER_ID", USER);
    return env;
  }

  @Test
  void withNothingSetEveryMissingVariableIsNamed() {
    assertThatThrownBy(() -> TenantEnvironment.read(Map.of()))
        .hasMessage(
            "The PingOne contract check needs a real tenant, but these environment variables are not set:"
                + " PINGONE_CONTRACT_REGION (or PINGONE_CONTRACT_API_URL and PINGONE_CONTRACT_AUTH_URL),"
                + " PINGONE_CONTRACT_ENVIRONMENT_ID, PINGONE_CONTRACT_CLIENT_ID, PINGONE_CONTRACT_CLIENT_SECRET,"
                + " PINGONE_CONTRACT_USER_ID. See docs/contract-check.md.");
  }

  @Test
  void aRegionGivesTheApiAndTheEnvironmentsTokenUrl() {
    ContractTarget target = TenantEnvironment.read(complete());

    assertThat(target.apiUrl()).isEqualTo(URI.create("https://api.pingone.eu/v1"));
    assertThat(target.tokenUrl())
        .isEqualTo(URI.create("https://auth.pingone.eu/" + ENV + "/as/token"));
    assertThat(target.basicAuth()).isTrue();
    assertThat(target.userId()).isEqualTo(USER);
  }

  @Test
  void explicitUrlsReplaceTheRegion() {
    Map<String, String> env = complete();
    env.remove("PINGONE_CONTRACT_REGION");
    env.put("PINGONE_CONTRACT_API_URL", "https://api.example.test/v1");
    env.put("PINGONE_CONTRACT_AUTH_URL", "https://auth.example.test/");

    ContractTarget target = TenantEnvironment.read(env);

    assertThat(target.apiUrl()).isEqualTo(URI.create("https://api.example.test/v1"));
    assertThat(target.tokenUrl())
        .isEqualTo(URI.create("https://auth.example.test/" + ENV + "/as/token"));
  }

  @Test
  void clientSecretPostIsChosenByAuthMethod() {
    Map<String, String> env = complete();
    env.put("PINGONE_CONTRACT_AUTH_METHOD", "client_secret_post");

    assertThat(TenantEnvironment.read(env).basicAuth()).isFalse();
  }

  @Test
  void badValuesAreNamedButTheSecretNeverIs() {
    Map<String, String> env = complete();
    env.put("PINGONE_CONTRACT_REGION", "mars");
    env.put("PINGONE_CONTRACT_USER_ID", "alice");
    env.put("PINGONE_CONTRACT_AUTH_METHOD", "private_key_jwt");

    assertThatThrownBy(() -> TenantEnvironment.read(env))
        .hasMessageContaining(
            "PINGONE_CONTRACT_REGION must be one of [NA, EU, CA, AP, AU, SG], not 'mars'")
        .hasMessageContaining("PINGONE_CONTRACT_USER_ID must be a lowercase UUID, not 'alice'")
        .hasMessageContaining("PINGONE_CONTRACT_AUTH_METHOD must be one of")
        .hasMessageNotContaining("s3cret-value");
  }

  @Test
  void aRegionAndExplicitUrlsTogetherAreRefused() {
    Map<String, String> env = complete();
    env.put("PINGONE_CONTRACT_API_URL", "https://api.example.test/v1");

    assertThatThrownBy(() -> TenantEnvironment.read(env))
        .hasMessageContaining(
            "set either PINGONE_CONTRACT_REGION or PINGONE_CONTRACT_API_URL and"
                + " PINGONE_CONTRACT_AUTH_URL, not both");
  }

  @Test
  void theTargetNeverShowsTheSecret() {
    assertThat(TenantEnvironment.read(complete()).toString()).doesNotContain("s3cret-value");
  }
}
