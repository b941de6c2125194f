package dev.pairingworker.pingone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.pairingworker.command.Json;
import dev.pairingworker.simulator.MutableClock;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The token endpoint's own 429 or 503 with {@code Retry-After} is waited out before asking again.
 */
class TokenRetryAfterTest {
  private static final String LIMITED = "{\"error\":\"rate_limited\"}";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
  private final TokenEndpointStub endpoint = newEndpoint();

  @AfterEach
  void stop() {
    endpoint.close();
  }

  @Test
  void a429sRetryAfterIsWaitedOutBeforeTheTokenEndpointIsAskedAgain() {
    endpoint.thenAnswer(429, "7", LIMITED);
    TokenProvider tokens = provider(Duration.ofMinutes(2));

    TokenException limited = failure(tokens);
    assertThat(limited.httpStatus()).isEqualTo(429);
    assertThat(limited.retryAt()).contains(clock.instant().plusSeconds(7));
    clock.advance(Duration.ofMillis(6_999));
    assertThat(failure(tokens)).isSameAs(limited);
    assertThat(endpoint.received()).hasSize(1);

    clock.advance(Duration.ofMillis(1));
    assertThat(tokens.token().join().value()).isEqualTo("token-1");
    assertThat(endpoint.received()).hasSize(2);
  }

  @Test
  void aRetryAfterLongerThanTheCapIsCutToTheCap() {
    endpoint.thenAnswer(503, "3600", LIMITED);
    TokenProvider tokens = provider(Duration.ofSeconds(30));

    assertThat(failure(tokens).retryAt()).contains(clock.instant().plusSeconds(30));
    clock.advance(Duration.ofSeconds(30));
    assertThat(tokens.token().join().value()).isEqualTo("token-1");
  }

  @Test
  void withoutRetryAfterTheNextCallerAsksAgainAtOnce() {
    endpoint.thenAnswer(500, null, "{}");
    endpoint.thenAnswer(429, null, LIMITED);
    TokenProvider tokens = provider(Duration.ofMinutes(2));

    assertThat(failure(tokens).retryAt()).isEmpty();
    assertThat(failure(tokens).retryAt()).isEmpty();
    assertThat(tokens.token().join().value()).isEqualTo("token-1");
    assertThat(endpoint.received()).hasSize(3);
  }

  @Test
  void aRetryAfterOnAnyOtherStatusIsNotAPromise() {
    endpoint.thenAnswer(401, "60", "{\"error\":\"invalid_client\"}");
    TokenProvider tokens = provider(Duration.ofMinutes(2));

    assertThat(failure(tokens).retryAt()).isEmpty();
  }

  private static TokenException failure(TokenProvider tokens) {
    Throwable thrown = catchThrowable(() -> tokens.token().join());
    assertThat(thrown).isInstanceOf(CompletionException.class);
    assertThat(thrown.getCause()).isInstanceOf(TokenException.class);
    return (TokenException) thrown.getCause();
  }

  private TokenProvider provider(Duration retryAfterCap) {
    return new TokenProvider(
        HttpClient.newHttpClient(),
        endpoint.tokenUrl(),
        new ClientCredentials("worker-app", "s3cret", true),
        Duration.ofMinutes(1),
        Duration.ofSeconds(10),
        clock,
        Json.mapper(),
        PingOneObserver.NONE,
        retryAfterCap);
  }

  private static TokenEndpointStub newEndpoint() {
    try {
      return new TokenEndpointStub();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
