package dev.pairingworker.worker;

import static dev.pairingworker.worker.ClientAuthFixture.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pairingworker.config.ConfigLoader;
import dev.pairingworker.pingone.CallOutcome;
import dev.pairingworker.pingone.CallResult;
import dev.pairingworker.pingone.TokenException;
import dev.pairingworker.simulator.FaultSettings;
import dev.pairingworker.simulator.MutableClock;
import dev.pairingworker.simulator.RecordedRequest;
import dev.pairingworker.simulator.SeededAuthMethod;
import dev.pairingworker.simulator.SimulatorSettings;
import dev.pairingworker.support.CapturedLogs;
import dev.pairingworker.support.TestKeyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 3: each token endpoint authentication method, as the worker is configured for it
 * (a properties file read by {@link ConfigLoader}, the client built by {@link PingOneClient} as the
 * worker builds it), gets a token from a strict simulator whose application is seeded with that
 * method, and the token creates a pairing key. A mismatched method or key is refused with 401
 * {@code invalid_client}, which the worker reports without the secret or the assertion; the token
 * endpoint's own 429 is waited out. The two sides were written independently from RFC 6749, 7521
 * and 7523, so this is where they must agree.
 */
class ClientAuthenticationAgainstSimulatorTest {
  /**
   * What a form decoder turns into something else when it is not encoded: {@code +} (a space),
   * {@code %41} ("A"), {@code :} (splits a Basic pair), and a space and non-ASCII on top.
   */
  private static final String SECRET = "s3cr~t:pa+ss%41 wörd-€";

  private static final String PASSWORD = "p12-Passw0rd!";

  @TempDir Path dir;

  private ClientAuthFixture fx;

  @BeforeEach
  void fixture() {
    fx = new ClientAuthFixture(dir, Clock.systemUTC(), SimulatorSettings.defaults());
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  @Test
  void clientSecretBasicWithReservedAndNonAsciiCharactersInTheSecretCreatesAKey() throws Exception {
    fx.tenant(SeededAuthMethod.CLIENT_SECRET_BASIC, SECRET, null);
    fx.worker(
        Map.of(
            "pingone.token.auth-method", "client_secret_basic", "pingone.client.secret", SECRET));

    assertEachTokenCreatesAKey();
  }

  @Test
  void clientSecretPostCreatesAKey() throws Exception {
    fx.tenant(SeededAuthMethod.CLIENT_SECRET_POST, SECRET, null);
    fx.worker(
        Map.of("pingone.token.auth-method", "client_secret_post", "pingone.client.secret", SECRET));

    assertEachTokenCreatesAKey();
  }

  @Test
  void clientSecretJwtSignedHs256CreatesAKey() throws Exception {
    fx.tenant(SeededAuthMethod.CLIENT_SECRET_JWT, SECRET, null);
    fx.worker(
        Map.of(
            "pingone.token.auth-method", "client_secret_jwt",
            "pingone.token.jwt.algorithm", "HS256",
            "pingone.client.secret", SECRET));

    assertEachTokenCreatesAKey();
  }

  @Test
  void privateKeyJwtSignedRs256WithAPkcs8PemCreatesAKey() throws Exception {
    KeyPair rsa = TestKeyFiles.rsa(2048);
    Path pem = TestKeyFiles.pkcs8Pem(dir.resolve("worker-rsa.pem"), rsa.getPrivate());
    fx.tenant(SeededAuthMethod.PRIVATE_KEY_JWT, null, rsa.getPublic());
    fx.worker(
        Map.of(
            "pingone.token.auth-method",
            "private_key_jwt",
            "pingone.client.key.file",
            pem.toString()));

    assertEachTokenCreatesAKey();
  }

  @Test
  void privateKeyJwtSignedEs256WithAPkcs12KeystoreCreatesAKey() throws Exception {
    Path p12 = TestKeyFiles.pkcs12(dir.resolve("worker.p12"), PASSWORD, "EC", "worker-ec");
    fx.tenant(
        SeededAuthMethod.PRIVATE_KEY_JWT,
        null,
        TestKeyFiles.publicKeyIn(p12, PASSWORD, "worker-ec"));
    fx.worker(
        Map.of(
            "pingone.token.auth-method",
            "private_key_jwt",
            "pingone.client.key.file",
            p12.toString(),
            "pingone.client.key.password",
            PASSWORD,
            "pingone.client.key.id",
            "worker-2026-12"));

    assertEachTokenCreatesAKey();
  }

  @Test
  void anAppThatWantsPrivateKeyJwtRefusesItsOwnSecretInABasicHeader() throws Exception {
    // The application still has a secret, as a PingOne app switched to Private Key JWT does.
    fx.tenant(SeededAuthMethod.PRIVATE_KEY_JWT, SECRET, TestKeyFiles.ec("secp256r1").getPublic());
    fx.worker(
        Map.of(
            "pingone.token.auth-method", "client_secret_basic", "pingone.client.secret", SECRET));

    assertRefusedWithoutLeaking(SECRET);
  }

  @Test
  void anAssertionSignedWithAKeyOtherThanTheRegisteredOneIsRefused() throws Exception {
    KeyPair registered = TestKeyFiles.ec("secp256r1");
    KeyPair other = TestKeyFiles.ec("secp256r1");
    Path pem = TestKeyFiles.pkcs8Pem(dir.resolve("other.pem"), other.getPrivate());
    fx.tenant(SeededAuthMethod.PRIVATE_KEY_JWT, null, registered.getPublic());
    fx.worker(
        Map.of(
            "pingone.token.auth-method",
            "private_key_jwt",
            "pingone.client.key.file",
            pem.toString()));

    assertRefusedWithoutLeaking(Files.readString(pem).lines().skip(1).findFirst().orElseThrow());
  }

  /**
   * Worker and simulator share a clock that moves only when the test moves it, so the token
   * endpoint's one-second window cannot empty by itself on a slow machine, and the Retry-After is
   * over exactly when the test says so.
   */
  @Test
  void theTokenEndpointsRetryAfterIsWaitedOutBeforeItIsAskedAgain() throws Exception {
    MutableClock shared = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    fx =
        new ClientAuthFixture(
            dir,
            shared,
            SimulatorSettings.defaults()
                .withClock(shared)
                .withFaults(FaultSettings.none().withTokenRateLimitPerSecond(1)));
    fx.tenant(SeededAuthMethod.CLIENT_SECRET_POST, SECRET, null);
    fx.worker(
        Map.of(
            "pingone.token.auth-method", "client_secret_post",
            "pingone.client.secret", SECRET,
            // PingOne's API limit is not what this test is about, and it paces by the clock too.
            "pingone.rate.limit", "0"));
    assertThat(status(fx.create())).isEqualTo(201);

    // The API now refuses the token; the worker asks for a new one in the same second and is
    // limited. However long it retries, it must not ask again until the Retry-After is over.
    fx.simulator.expireAllTokens();
    CompletableFuture<CallResult> second = fx.createAsync();
    await().atMost(Duration.ofSeconds(10)).until(() -> fx.tokenRequests().size() >= 2);
    RecordedRequest limited = fx.tokenRequests().get(1);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.retryAfter()).isPositive();
    await("no token request before the Retry-After")
        .during(Duration.ofMillis(2500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> fx.tokenRequests().size() == 2);
    assertThat(second).isNotDone();

    shared.advance(limited.retryAfter());
    assertThat(status(second.get(30, TimeUnit.SECONDS))).isEqualTo(201);
    List<RecordedRequest> tokens = fx.tokenRequests();
    assertThat(tokens).extracting(RecordedRequest::status).containsExactly(200, 429, 200);
    assertThat(tokens.get(2).receivedAt()).isAfterOrEqualTo(limited.retryNotBefore());
  }

  /**
   * A token, and a key created with it; then, once PingOne rejects that token, a second one (for an
   * assertion: a new one, since the simulator refuses a replayed {@code jti}) and a second key.
   */
  private void assertEachTokenCreatesAKey() throws Exception {
    assertThat(status(fx.create())).isEqualTo(201);
    assertThat(fx.validKeys()).isEqualTo(1);
    assertThat(fx.health.authOk()).isTrue();

    fx.simulator.expireAllTokens();
    assertThat(status(fx.create())).isEqualTo(201);
    assertThat(fx.validKeys()).isEqualTo(2);
    assertThat(fx.tokenRequests()).extracting(RecordedRequest::status).containsExactly(200, 200);
  }

  /**
   * The token endpoint said 401 {@code invalid_client}: no API call, no retry, the worker unready,
   * and neither the message nor the logs hold {@code secret}, a Basic credential or any JWT (all
   * JWTs start {@code eyJ}, the Base64url of <code>{"</code>).
   */
  private void assertRefusedWithoutLeaking(String secret) throws Exception {
    CallResult result;
    try (CapturedLogs logs = CapturedLogs.start()) {
      result = fx.create();
      assertThat(logs.text())
          .doesNotContain(secret)
          .doesNotContain("eyJ")
          .doesNotContainPattern("Basic [A-Za-z0-9+/]{8,}");
    }
    assertThat(result.attempts()).isZero();
    assertThat(result.giveUpReason()).isEqualTo("token_rejected");
    assertThat(result.outcome()).isInstanceOf(CallOutcome.NoToken.class);
    TokenException refused = ((CallOutcome.NoToken) result.outcome()).cause();
    assertThat(refused.httpStatus()).isEqualTo(401);
    assertThat(refused).hasMessage("PingOne refused the token request: HTTP 401 invalid_client");
    assertThat(fx.tokenRequests()).extracting(RecordedRequest::status).containsExactly(401);
    assertThat(fx.health.authOk()).isFalse();
    assertThat(fx.health.reasons())
        .anyMatch(reason -> reason.contains("token request failed: 401"));
    assertThat(fx.health.reasons().toString()).doesNotContain(secret);
  }
}
