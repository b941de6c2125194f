package dev.pairingworker.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pairingworker.command.Json;
import dev.pairingworker.command.Op;
import dev.pairingworker.config.ConfigLoader;
import dev.pairingworker.metrics.HealthState;
import dev.pairingworker.pingone.CallContext;
import dev.pairingworker.pingone.CallOutcome;
import dev.pairingworker.pingone.CallResult;
import dev.pairingworker.pingone.PingOneObserver;
import dev.pairingworker.pingone.PingOneRequest;
import dev.pairingworker.pingone.TokenException;
import dev.pairingworker.simulator.ApplicationKind;
import dev.pairingworker.simulator.ApplicationSeed;
import dev.pairingworker.simulator.EnvironmentSeed;
import dev.pairingworker.simulator.FaultSettings;
import dev.pairingworker.simulator.MutableClock;
import dev.pairingworker.simulator.PingOneSimulator;
import dev.pairingworker.simulator.RecordedRequest;
import dev.pairingworker.simulator.SeededAuthMethod;
import dev.pairingworker.simulator.SimulatorSettings;
import dev.pairingworker.simulator.TenantSeed;
import dev.pairingworker.support.CapturedLogs;
import dev.pairingworker.support.TestKeyFiles;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
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
  private static final String ENV = "0b3e8a52-6c1d-4f7a-9e25-3d4c5b6a7f80";
  private static final String USER = "c4d5e6f7-a8b9-4c0d-8e1f-2a3b4c5d6e7f";
  private static final String CLIENT_ID = "pairing-worker-e2e";

  /**
   * What a form decoder turns into something else when it is not encoded: {@code +} (a space),
   * {@code %41} ("A"), {@code :} (splits a Basic pair), and a space and non-ASCII on top.
   */
  private static final String SECRET = "s3cr~t:pa+ss%41 wörd-€";

  private static final String PASSWORD = "p12-Passw0rd!";

  @TempDir Path dir;

  private final HealthState health = new HealthState();
  private Clock clock = Clock.systemUTC();
  private SimulatorSettings simulatorSettings = SimulatorSettings.defaults();
  private PingOneSimulator simulator;
  private PingOneClient client;

  @AfterEach
  void stop() {
    if (client != null) {
      client.executor().shutdownNow();
    }
    if (simulator != null) {
      simulator.close();
    }
  }

  @Test
  void clientSecretBasicWithReservedAndNonAsciiCharactersInTheSecretCreatesAKey() throws Exception {
    tenant(SeededAuthMethod.CLIENT_SECRET_BASIC, SECRET, null);
    worker(
        Map.of(
            "pingone.token.auth-method", "client_secret_basic", "pingone.client.secret", SECRET));

    assertEachTokenCreatesAKey();
  }

  @Test
  void clientSecretPostCreatesAKey() throws Exception {
    tenant(SeededAuthMethod.CLIENT_SECRET_POST, SECRET, null);
    worker(
        Map.of("pingone.token.auth-method", "client_secret_post", "pingone.client.secret", SECRET));

    assertEachTokenCreatesAKey();
  }

  @Test
  void clientSecretJwtSignedHs256CreatesAKey() throws Exception {
    tenant(SeededAuthMethod.CLIENT_SECRET_JWT, SECRET, null);
    worker(
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
    tenant(SeededAuthMethod.PRIVATE_KEY_JWT, null, rsa.getPublic());
    worker(
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
    tenant(
        SeededAuthMethod.PRIVATE_KEY_JWT,
        null,
        TestKeyFiles.publicKeyIn(p12, PASSWORD, "worker-ec"));
    worker(
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
    tenant(SeededAuthMethod.PRIVATE_KEY_JWT, SECRET, TestKeyFiles.ec("secp256r1").getPublic());
    worker(
        Map.of(
            "pingone.token.auth-method", "client_secret_basic", "pingone.client.secret", SECRET));

    assertRefusedWithoutLeaking(SECRET);
  }

  @Test
  void anAssertionSignedWithAKeyOtherThanTheRegisteredOneIsRefused() throws Exception {
    KeyPair registered = TestKeyFiles.ec("secp256r1");
    KeyPair other = TestKeyFiles.ec("secp256r1");
    Path pem = TestKeyFiles.pkcs8Pem(dir.resolve("other.pem"), other.getPrivate());
    tenant(SeededAuthMethod.PRIVATE_KEY_JWT, null, registered.getPublic());
    worker(
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
    clock = shared;
    simulatorSettings =
        SimulatorSettings.defaults()
            .withClock(shared)
            .withFaults(FaultSettings.none().withTokenRateLimitPerSecond(1));
    tenant(SeededAuthMethod.CLIENT_SECRET_POST, SECRET, null);
    worker(
        Map.of(
            "pingone.token.auth-method", "client_secret_post",
            "pingone.client.secret", SECRET,
            // PingOne's API limit is not what this test is about, and it paces by the clock too.
            "pingone.rate.limit", "0"));
    assertThat(status(create())).isEqualTo(201);

    // The API now refuses the token; the worker asks for a new one in the same second and is
    // limited. However long it retries, it must not ask again until the Retry-After is over.
    simulator.expireAllTokens();
    CompletableFuture<CallResult> second = createAsync();
    await().atMost(Duration.ofSeconds(10)).until(() -> tokenRequests().size() >= 2);
    RecordedRequest limited = tokenRequests().get(1);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.retryAfter()).isPositive();
    await("no token request before the Retry-After")
        .during(Duration.ofMillis(2500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> tokenRequests().size() == 2);
    assertThat(second).isNotDone();

    shared.advance(limited.retryAfter());
    assertThat(status(second.get(30, TimeUnit.SECONDS))).isEqualTo(201);
    List<RecordedRequest> tokens = tokenRequests();
    assertThat(tokens).extracting(RecordedRequest::status).containsExactly(200, 429, 200);
    assertThat(tokens.get(2).receivedAt()).isAfterOrEqualTo(limited.retryNotBefore());
  }

  /** One environment with {@link #USER} and the worker application with {@code method}. */
  private void tenant(SeededAuthMethod method, String secret, PublicKey key) throws Exception {
    ApplicationSeed app =
        new ApplicationSeed(
            "7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918",
            ApplicationKind.WORKER,
            CLIENT_ID,
            secret,
            method,
            key == null ? null : ApplicationSeed.pem(key),
            true);
    EnvironmentSeed environment =
        EnvironmentSeed.of(ENV).withUsers(List.of(USER)).withApplication(app);
    simulator =
        PingOneSimulator.start(simulatorSettings.withSeed(TenantSeed.empty().with(environment)));
  }

  /** The worker's PingOne client from a properties file with these auth settings. */
  private void worker(Map<String, String> auth) throws Exception {
    Properties properties = new Properties();
    properties.setProperty("pingone.environment.id", ENV);
    properties.setProperty("pingone.client.id", CLIENT_ID);
    properties.setProperty("pingone.api.url", simulator.apiBaseUrl().toString());
    properties.setProperty("pingone.auth.url", simulator.authBaseUrl().toString());
    auth.forEach(properties::setProperty);
    Path file = dir.resolve("worker.properties");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      properties.store(out, null);
    }
    client =
        PingOneClient.create(
            ConfigLoader.load(file, Map.of()),
            clock,
            Json.mapper(),
            new PingOneHealth(PingOneObserver.NONE, health));
  }

  /**
   * A token, and a key created with it; then, once PingOne rejects that token, a second one (for an
   * assertion: a new one, since the simulator refuses a replayed {@code jti}) and a second key.
   */
  private void assertEachTokenCreatesAKey() throws Exception {
    assertThat(status(create())).isEqualTo(201);
    assertThat(simulator.validKeyCount(ENV, USER)).isEqualTo(1);
    assertThat(health.authOk()).isTrue();

    simulator.expireAllTokens();
    assertThat(status(create())).isEqualTo(201);
    assertThat(simulator.validKeyCount(ENV, USER)).isEqualTo(2);
    assertThat(tokenRequests()).extracting(RecordedRequest::status).containsExactly(200, 200);
  }

  /**
   * The token endpoint said 401 {@code invalid_client}: no API call, no retry, the worker unready,
   * and neither the message nor the logs hold {@code secret}, a Basic credential or any JWT (all
   * JWTs start {@code eyJ}, the Base64url of <code>{"</code>).
   */
  private void assertRefusedWithoutLeaking(String secret) throws Exception {
    CallResult result;
    try (CapturedLogs logs = CapturedLogs.start()) {
      result = create();
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
    assertThat(tokenRequests()).extracting(RecordedRequest::status).containsExactly(401);
    assertThat(health.authOk()).isFalse();
    assertThat(health.reasons()).anyMatch(reason -> reason.contains("token request failed: 401"));
    assertThat(health.reasons().toString()).doesNotContain(secret);
  }

  private CallResult create() throws Exception {
    return createAsync().get(30, TimeUnit.SECONDS);
  }

  private CompletableFuture<CallResult> createAsync() {
    return client
        .caller()
        .call(
            new PingOneRequest(Op.CREATE, ENV, USER, null, null, "auth-e2e", null),
            CallContext.NONE);
  }

  private static int status(CallResult result) {
    assertThat(result.outcome()).isInstanceOf(CallOutcome.Answered.class);
    return ((CallOutcome.Answered) result.outcome()).response().status();
  }

  private List<RecordedRequest> tokenRequests() {
    return simulator.requests().stream().filter(RecordedRequest::isTokenRequest).toList();
  }
}
