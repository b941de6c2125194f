package dev.pairingworker.pingone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pairingworker.command.Json;
import dev.pairingworker.config.WorkerConfig;
import dev.pairingworker.simulator.MutableClock;
import dev.pairingworker.support.TestKeyFiles;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each token endpoint auth method, checked on the request the client really sends: a loopback
 * endpoint records it, and the test decodes and verifies it with the JDK alone (form decoding,
 * Base64, {@code Mac}, {@code Signature}), never with the worker's own encoders.
 */
class TokenClientAuthenticationTest {
  private static final String ENV = "5a1e0c2d-3b4f-4a6e-8d7c-9f0e1d2c3b4a";
  private static final String CLIENT_ID = "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";

  /** Every character that encodes differently in Java's URLEncoder, Go's QueryEscape or Base64. */
  private static final String AWKWARD_SECRET = "a~b:c+d%e f/g*h=i&j.k-l_m\u00fc\u20ac";

  private final MutableClock clock =
      new MutableClock(java.time.Instant.parse("2026-11-29T10:00:00Z"));
  private TokenEndpointStub endpoint;
  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    endpoint = new TokenEndpointStub();
  }

  @AfterEach
  void stop() {
    endpoint.close();
  }

  @Test
  void clientSecretBasicFormEncodesIdAndSecretBeforeBase64LikeTheGoSdk() {
    String id = "worker:app~1";
    fetchToken(new ClientCredentials(id, AWKWARD_SECRET, true));

    TokenEndpointStub.Received request = only();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(request.body()).isEqualTo("grant_type=client_credentials");
    String basic = request.header("Authorization");
    assertThat(basic).startsWith("Basic ");
    String pair =
        new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.US_ASCII);
    // RFC 6749 §2.3.1: the only ':' left is the separator; each side form-decodes to the original.
    assertThat(pair.chars().filter(c -> c == ':').count()).isEqualTo(1);
    String[] parts = pair.split(":");
    assertThat(URLDecoder.decode(parts[0], StandardCharsets.UTF_8)).isEqualTo(id);
    assertThat(URLDecoder.decode(parts[1], StandardCharsets.UTF_8)).isEqualTo(AWKWARD_SECRET);
    // As Go's url.QueryEscape: unreserved -._~ stay, a space is +, everything else is %XX.
    assertThat(parts[0]).isEqualTo("worker%3Aapp~1");
    assertThat(parts[1]).isEqualTo("a~b%3Ac%2Bd%25e+f%2Fg%2Ah%3Di%26j.k-l_m%C3%BC%E2%82%AC");
  }

  @Test
  void clientSecretPostSendsIdAndSecretAsFormFieldsAndNoHeader() {
    fetchToken(new ClientCredentials(CLIENT_ID, AWKWARD_SECRET, false));

    TokenEndpointStub.Received request = only();
    assertThat(request.header("Authorization")).isNull();
    assertThat(form(request.body()))
        .containsExactly(
            Map.entry("grant_type", "client_credentials"),
            Map.entry("client_id", CLIENT_ID),
            Map.entry("client_secret", AWKWARD_SECRET));
  }

  @Test
  void clientSecretJwtSendsAnHs256AssertionSignedWithTheSecret() throws Exception {
    WorkerConfig config =
        config(
            Map.of(
                "pingone.token.auth-method",
                "client_secret_jwt",
                "pingone.client.secret",
                AWKWARD_SECRET));
    fetchToken(ClientAuthentication.of(CLIENT_ID, config.clientAuth(), clock));

    Jwt jwt = assertion(only());
    assertThat(jwt.header().get("alg").asText()).isEqualTo("HS256");
    assertThat(jwt.header().has("kid")).isFalse();
    assertClaims(jwt, Duration.ofSeconds(60));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(AWKWARD_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    assertThat(jwt.signature()).isEqualTo(mac.doFinal(jwt.signingInput()));
  }

  @Test
  void clientSecretJwtCanSignWithHs512AndAnotherLifetime() throws Exception {
    WorkerConfig config =
        config(
            Map.of(
                "pingone.token.auth-method", "client_secret_jwt",
                "pingone.client.secret", AWKWARD_SECRET,
                "pingone.token.jwt.algorithm", "hs512",
                "pingone.token.jwt.lifetime", "2m"));
    fetchToken(ClientAuthentication.of(CLIENT_ID, config.clientAuth(), clock));

    Jwt jwt = assertion(only());
    assertThat(jwt.header().get("alg").asText()).isEqualTo("HS512");
    assertClaims(jwt, Duration.ofMinutes(2));
    Mac mac = Mac.getInstance("HmacSHA512");
    mac.init(new SecretKeySpec(AWKWARD_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
    assertThat(jwt.signature()).isEqualTo(mac.doFinal(jwt.signingInput()));
  }

  @Test
  void privateKeyJwtSignsRs256WithAPkcs8PemKeyAndSendsItsKid() throws Exception {
    KeyPair pair = TestKeyFiles.rsa(2048);
    Path pem = TestKeyFiles.pkcs8Pem(dir.resolve("key.pem"), pair.getPrivate());

    Jwt jwt =
        privateKeyJwt(
            Map.of(
                "pingone.client.key.file",
                pem.toString(),
                "pingone.client.key.id",
                "worker-2026-11"));

    assertThat(jwt.header().get("alg").asText()).isEqualTo("RS256");
    assertThat(jwt.header().get("kid").asText()).isEqualTo("worker-2026-11");
    assertClaims(jwt, Duration.ofSeconds(60));
    assertThat(verifies("SHA256withRSA", pair.getPublic(), jwt)).isTrue();
  }

  @Test
  void privateKeyJwtSignsEs256AsRawRAndSWithAPkcs8PemKey() throws Exception {
    KeyPair pair = TestKeyFiles.ec("secp256r1");
    Path pem = TestKeyFiles.pkcs8Pem(dir.resolve("key.pem"), pair.getPrivate());

    Jwt jwt = privateKeyJwt(Map.of("pingone.client.key.file", pem.toString()));

    assertThat(jwt.header().get("alg").asText()).isEqualTo("ES256");
    assertThat(jwt.signature()).hasSize(64); // RFC 7518 §3.4: R||S, 32 bytes each, not DER
    assertThat(verifies("SHA256withECDSA", pair.getPublic(), jwt.withDerSignature())).isTrue();
  }

  @Test
  void privateKeyJwtReadsOpenSslsTraditionalRsaPemFile() throws Exception {
    KeyPair rsa = TestKeyFiles.rsa(2048);
    Path pkcs1 = TestKeyFiles.pkcs1Pem(dir.resolve("rsa.pem"), (RSAPrivateCrtKey) rsa.getPrivate());

    Jwt jwt = privateKeyJwt(Map.of("pingone.client.key.file", pkcs1.toString()));

    assertThat(jwt.header().get("alg").asText()).isEqualTo("RS256");
    assertThat(verifies("SHA256withRSA", rsa.getPublic(), jwt)).isTrue();
  }

  @Test
  void privateKeyJwtReadsOpenSslsTraditionalEcPemFile() throws Exception {
    KeyPair ec = TestKeyFiles.ec("secp256r1");
    Path sec1 = TestKeyFiles.sec1Pem(dir.resolve("ec.pem"), (ECPrivateKey) ec.getPrivate());

    Jwt jwt = privateKeyJwt(Map.of("pingone.client.key.file", sec1.toString()));

    assertThat(jwt.header().get("alg").asText()).isEqualTo("ES256");
    assertThat(verifies("SHA256withECDSA", ec.getPublic(), jwt.withDerSignature())).isTrue();
  }

  @Test
  void privateKeyJwtSignsWithTheKeyOfAPkcs12Keystore() throws Exception {
    Path p12 = TestKeyFiles.pkcs12(dir.resolve("worker.p12"), "st0re-pass", "RSA", "worker");
    Path passwordFile = dir.resolve("password");
    java.nio.file.Files.writeString(passwordFile, "st0re-pass\n");

    Jwt jwt =
        privateKeyJwt(
            Map.of(
                "pingone.client.key.file", p12.toString(),
                "pingone.client.key.password.file", passwordFile.toString(),
                "pingone.token.jwt.algorithm", "RS384"));

    assertThat(jwt.header().get("alg").asText()).isEqualTo("RS384");
    PublicKey certified = TestKeyFiles.publicKeyIn(p12, "st0re-pass", "worker");
    assertThat(verifies("SHA384withRSA", certified, jwt)).isTrue();
  }

  @Test
  void everyTokenRequestGetsANewAssertionWithItsOwnJti() throws Exception {
    WorkerConfig config =
        config(
            Map.of(
                "pingone.token.auth-method",
                "client_secret_jwt",
                "pingone.client.secret",
                AWKWARD_SECRET));
    TokenProvider tokens = provider(ClientAuthentication.of(CLIENT_ID, config.clientAuth(), clock));
    AccessToken first = tokens.token().join();
    clock.advance(Duration.ofSeconds(30));
    tokens.replace(first).join();

    List<TokenEndpointStub.Received> requests = endpoint.received();
    assertThat(requests).hasSize(2);
    Jwt one = assertion(requests.get(0));
    Jwt two = assertion(requests.get(1));
    assertThat(one.claims().get("jti").asText()).isNotEqualTo(two.claims().get("jti").asText());
    assertThat(two.claims().get("iat").asLong()).isEqualTo(one.claims().get("iat").asLong() + 30);
  }

  private Jwt privateKeyJwt(Map<String, String> keySettings) {
    Map<String, String> settings = new LinkedHashMap<>(keySettings);
    settings.put("pingone.token.auth-method", "private_key_jwt");
    WorkerConfig config = config(settings);
    fetchToken(ClientAuthentication.of(CLIENT_ID, config.clientAuth(), clock));
    TokenEndpointStub.Received request = only();
    assertThat(form(request.body())).doesNotContainKey("client_secret");
    return assertion(request);
  }

  private static WorkerConfig config(Map<String, String> auth) {
    Map<String, String> settings = new LinkedHashMap<>(auth);
    settings.put("pingone.environment.id", ENV);
    settings.put("pingone.client.id", CLIENT_ID);
    return WorkerConfig.of(settings);
  }

  private void assertClaims(Jwt jwt, Duration lifetime) {
    JsonNode claims = jwt.claims();
    long now = clock.instant().getEpochSecond();
    assertThat(jwt.header().get("typ").asText()).isEqualTo("JWT");
    assertThat(claims.get("iss").asText()).isEqualTo(CLIENT_ID);
    assertThat(claims.get("sub").asText()).isEqualTo(CLIENT_ID);
    assertThat(claims.get("aud").asText()).isEqualTo(endpoint.tokenUrl().toString());
    assertThat(claims.get("iat").asLong()).isEqualTo(now);
    assertThat(claims.get("exp").asLong()).isEqualTo(now + lifetime.getSeconds());
    assertThat(claims.get("jti").asText()).matches("[0-9a-f-]{36}");
  }

  private Jwt assertion(TokenEndpointStub.Received request) {
    assertThat(request.header("Authorization")).isNull();
    Map<String, String> form = form(request.body());
    assertThat(form.keySet())
        .containsExactly("grant_type", "client_id", "client_assertion_type", "client_assertion");
    assertThat(form.get("grant_type")).isEqualTo("client_credentials");
    assertThat(form.get("client_id")).isEqualTo(CLIENT_ID);
    assertThat(form.get("client_assertion_type"))
        .isEqualTo("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    return Jwt.parse(form.get("client_assertion"));
  }

  private TokenEndpointStub.Received only() {
    assertThat(endpoint.received()).hasSize(1);
    return endpoint.received().get(0);
  }

  private void fetchToken(ClientAuthentication authentication) {
    assertThat(provider(authentication).token().join().value()).isEqualTo("token-1");
  }

  private TokenProvider provider(ClientAuthentication authentication) {
    return new TokenProvider(
        HttpClient.newHttpClient(),
        endpoint.tokenUrl(),
        authentication,
        Duration.ofMinutes(1),
        Duration.ofSeconds(10),
        clock,
        Json.mapper(),
        PingOneObserver.NONE);
  }

  static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      String[] nameValue = pair.split("=", 2);
      fields.put(
          URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
          URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
    }
    return fields;
  }

  private static boolean verifies(String algorithm, PublicKey key, Jwt jwt) throws Exception {
    Signature signature = Signature.getInstance(algorithm);
    signature.initVerify(key);
    signature.update(jwt.signingInput());
    return signature.verify(jwt.signature());
  }

  /** A compact JWS taken apart. */
  record Jwt(JsonNode header, JsonNode claims, byte[] signingInput, byte[] signature) {
    static Jwt parse(String compact) {
      String[] parts = compact.split("\\.", -1);
      assertThat(parts).hasSize(3);
      Base64.Decoder url = Base64.getUrlDecoder();
      try {
        return new Jwt(
            Json.mapper().readTree(url.decode(parts[0])),
            Json.mapper().readTree(url.decode(parts[1])),
            (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
            url.decode(parts[2]));
      } catch (java.io.IOException e) {
        throw new AssertionError("not JSON: " + compact, e);
      }
    }

    /** The same token with its raw R||S ECDSA signature as the DER SEQUENCE the JDK verifies. */
    Jwt withDerSignature() {
      int half = signature.length / 2;
      byte[] r = new BigInteger(1, Arrays.copyOfRange(signature, 0, half)).toByteArray();
      byte[] s =
          new BigInteger(1, Arrays.copyOfRange(signature, half, signature.length)).toByteArray();
      byte[] der = new byte[6 + r.length + s.length];
      der[0] = 0x30;
      der[1] = (byte) (4 + r.length + s.length);
      der[2] = 0x02;
      der[3] = (byte) r.length;
      System.arraycopy(r, 0, der, 4, r.length);
      der[4 + r.length] = 0x02;
      der[5 + r.length] = (byte) s.length;
      System.arraycopy(s, 0, der, 6 + r.length, s.length);
      return new Jwt(header, claims, signingInput, der);
    }
  }
}
