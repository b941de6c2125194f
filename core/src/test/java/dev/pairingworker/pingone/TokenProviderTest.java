package dev.pairingworker.pingone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairingworker.command.Json;
import dev.pairingworker.simulator.ApplicationSeed;
import dev.pairingworker.simulator.EnvironmentSeed;
import dev.pairingworker.simulator.MutableClock;
import dev.pairingworker.simulator.PingOneSimulator;
import dev.pairingworker.simulator.RecordedRequest;
import dev.pairingworker.simulator.SeededAuthMethod;
import dev.pairingworker.simulator.SimulatorSettings;
import dev.pairingworker.simulator.TenantSeed;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenProviderTest {
  private static final String ENV = "5a1e0c2d-3b4f-4a6e-8d7c-9f0e1d2c3b4a";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
  private PingOneSimulator simulator;

  @AfterEach
  void stop() {
    simulator.close();
  }

  private TokenProvider provider(
      Duration lifetime, Duration refreshBefore, String secret, boolean basic) throws Exception {
    // The application authenticates by the method the provider uses, as a tenant would have it.
    SeededAuthMethod method =
        basic ? SeededAuthMethod.CLIENT_SECRET_BASIC : SeededAuthMethod.CLIENT_SECRET_POST;
    ApplicationSeed app =
        ApplicationSeed.worker("simulator-client", "simulator-secret").withAuthMethod(method, null);
    simulator =
        PingOneSimulator.start(
            SimulatorSettings.defaults()
                .withTokenLifetime(lifetime)
                .withSeed(TenantSeed.empty().with(EnvironmentSeed.of(ENV).withApplication(app))));
    return new TokenProvider(
        HttpClient.newHttpClient(),
        simulator.tokenUrl(ENV),
        new ClientCredentials("simulator-client", secret, basic),
        refreshBefore,
        Duration.ofSeconds(10),
        clock,
        Json.mapper(),
        PingOneObserver.NONE);
  }

  @Test
  void reusesTheTokenUntilItsRefreshPoint() throws Exception {
    TokenProvider tokens =
        provider(Duration.ofHours(1), Duration.ofMinutes(1), "simulator-secret", true);

    AccessToken first = tokens.token().join();
    clock.advance(Duration.ofMinutes(58));
    assertThat(tokens.token().join()).isSameAs(first);

    clock.advance(Duration.ofMinutes(1));
    AccessToken second = tokens.token().join();
    assertThat(second.value()).isNotEqualTo(first.value());
    assertThat(tokenRequests()).isEqualTo(2);
  }

  @Test
  void aShortLivedTokenIsRefreshedAtHalfItsLifeNotOnEveryCall() throws Exception {
    TokenProvider tokens =
        provider(Duration.ofSeconds(5), Duration.ofMinutes(1), "simulator-secret", true);

    AccessToken first = tokens.token().join();
    assertThat(first.refreshAt()).isEqualTo(first.expiresAt().minusMillis(2500));
    clock.advance(Duration.ofSeconds(2));
    assertThat(tokens.token().join()).isSameAs(first);
    assertThat(tokenRequests()).isEqualTo(1);
  }

  @Test
  void concurrentCallersShareOneTokenRequest() throws Exception {
    TokenProvider tokens =
        provider(Duration.ofHours(1), Duration.ofMinutes(1), "simulator-secret", false);
    List<CompletableFuture<AccessToken>> all = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      all.add(tokens.token());
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();

    assertThat(all.stream().map(CompletableFuture::join).distinct()).hasSize(1);
    assertThat(tokenRequests()).isEqualTo(1);
  }

  @Test
  void aRejectedTokenIsReplacedOnceHoweverManyCallersReportIt() throws Exception {
    TokenProvider tokens =
        provider(Duration.ofHours(1), Duration.ofMinutes(1), "simulator-secret", true);
    AccessToken rejected = tokens.token().join();

    AccessToken replaced = tokens.replace(rejected).join();
    for (int i = 0; i < 10; i++) {
      assertThat(tokens.replace(rejected).join()).isSameAs(replaced);
    }
    assertThat(tokenRequests()).isEqualTo(2);
  }

  @Test
  void badCredentialsFailWithoutRevealingTheSecret() throws Exception {
    TokenProvider tokens =
        provider(Duration.ofHours(1), Duration.ofMinutes(1), "the-wrong-secret", true);

    assertThatThrownBy(() -> tokens.token().join())
        .hasCauseInstanceOf(TokenException.class)
        .hasMessageContaining("HTTP 401 invalid_client")
        .hasMessageNotContaining("the-wrong-secret");
  }

  private long tokenRequests() {
    return simulator.requests().stream().filter(RecordedRequest::isTokenRequest).count();
  }
}
