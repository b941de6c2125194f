package dev.pairingworker.simulator;

import static dev.pairingworker.simulator.SimClient.ENV;
import static dev.pairingworker.simulator.SimClient.basic;
import static dev.pairingworker.simulator.SimClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token endpoint enforces each application's one authentication method. */
class ClientAuthenticationTest {
  private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");
  private static final String TRICKY_SECRET = "s~e:c+r t%";
  private static final String JWT_SECRET = "a-shared-secret-of-at-least-32-bytes!!";
  private static final String ASSERTION_TYPE =
      "urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer";
  private static KeyPair rsa;
  private static KeyPair ec;
  private static KeyPair otherRsa;

  private final MutableClock clock = new MutableClock(NOW);
  private PingOneSimulator sim;
  private SimClient client;

  @BeforeAll
  static void keys() throws Exception {
    rsa = TestJwts.rsa();
    otherRsa = TestJwts.rsa();
    ec = TestJwts.ec("secp256r1");
  }

  @BeforeEach
  void start() throws Exception {
    EnvironmentSeed environment =
        EnvironmentSeed.of(ENV)
            .withApplication(
                worker("basic-client", TRICKY_SECRET, SeededAuthMethod.CLIENT_SECRET_BASIC, null))
            .withApplication(
                worker("post-client", TRICKY_SECRET, SeededAuthMethod.CLIENT_SECRET_POST, null))
            .withApplication(
                worker("jwt-client", JWT_SECRET, SeededAuthMethod.CLIENT_SECRET_JWT, null))
            .withApplication(
                worker("rsa-client", null, SeededAuthMethod.PRIVATE_KEY_JWT, TestJwts.pem(rsa)))
            .withApplication(
                worker("ec-client", null, SeededAuthMethod.PRIVATE_KEY_JWT, TestJwts.pem(ec)));
    sim =
        PingOneSimulator.start(
            SimulatorSettings.defaults()
                .withClock(clock)
                .withSeed(TenantSeed.empty().with(environment)));
    client = SimClient.unseeding(sim);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private static ApplicationSeed worker(
      String clientId, String secret, SeededAuthMethod method, String pem) {
    return new ApplicationSeed(
        ApplicationSeed.derivedId(clientId),
        ApplicationKind.WORKER,
        clientId,
        secret,
        method,
        pem,
        true);
  }

  @Test
  void basicCredentialsAreFormDecodedAfterBase64AsRfc6749Asks() throws Exception {
    String encoded = URLEncoder.encode(TRICKY_SECRET, StandardCharsets.UTF_8);
    assertThat(encoded).isEqualTo("s%7Ee%3Ac%2Br+t%25");

    assertThat(byBasic("basic-client", encoded).statusCode()).isEqualTo(200);
    // Go's url.QueryEscape, the official SDK's encoder, leaves ~ as it is: decoding it is a no-op.
    assertThat(byBasic("basic-client", "s~e%3Ac%2Br+t%25").statusCode()).isEqualTo(200);
    assertThat(byBasic("basic-client", "s~e%3Ac%2Br%20t%25").statusCode()).isEqualTo(200);
  }

  @Test
  void basicCredentialsSentWithoutFormEncodingAreRefused() throws Exception {
    // "+" decodes to a space and "%" starts a broken escape: not the secret.
    HttpResponse<String> response = byBasic("basic-client", TRICKY_SECRET);

    assertInvalidClient(response);
    assertThat(byBasic("basic-client", "s~e:c+r+t").statusCode()).isEqualTo(401);
  }

  @Test
  void formFieldsWorkOnlyForAClientSecretPostApplication() throws Exception {
    String secret = URLEncoder.encode(TRICKY_SECRET, StandardCharsets.UTF_8);

    assertThat(byForm("post-client", secret).statusCode()).isEqualTo(200);
    assertInvalidClient(byForm("basic-client", secret));
    assertInvalidClient(byBasic("post-client", secret));
    assertInvalidClient(byForm("post-client", "wrong"));
  }

  @Test
  void clientSecretJwtAcceptsEveryHmacAlgorithmSignedWithTheSecret() throws Exception {
    for (String alg : List.of("HS256", "HS512")) {
      String jwt = TestJwts.signWithSecret(alg, claims("jwt-client"), JWT_SECRET);
      assertThat(byAssertion(jwt).statusCode()).as(alg).isEqualTo(200);
    }
  }

  @Test
  void clientSecretJwtRefusesAnotherSecretAndOtherMethods() throws Exception {
    assertInvalidClient(
        byAssertion(TestJwts.signWithSecret("HS256", claims("jwt-client"), "not-the-secret")));
    assertInvalidClient(byBasic("jwt-client", JWT_SECRET));
    assertInvalidClient(byForm("jwt-client", JWT_SECRET));
    assertInvalidClient(
        byAssertion(TestJwts.signWithKey("RS256", claims("jwt-client"), rsa.getPrivate())));
  }

  @Test
  void privateKeyJwtAcceptsRsaAndRawEcdsaSignaturesByTheRegisteredKey() throws Exception {
    for (String alg : List.of("RS256", "RS512")) {
      String jwt = TestJwts.signWithKey(alg, claims("rsa-client"), rsa.getPrivate());
      assertThat(byAssertion(jwt).statusCode()).as(alg).isEqualTo(200);
    }
    String es256 = TestJwts.signWithKey("ES256", claims("ec-client"), ec.getPrivate());
    assertThat(byAssertion(es256).statusCode()).isEqualTo(200);
  }

  @Test
  void privateKeyJwtRefusesAnotherKeyADerSignatureAndAnHmac() throws Exception {
    assertInvalidClient(
        byAssertion(TestJwts.signWithKey("RS256", claims("rsa-client"), otherRsa.getPrivate())));
    // An HMAC keyed with the public key: the algorithm-confusion attack.
    assertInvalidClient(byAssertion(TestJwts.signWithSecret("HS256", claims("rsa-client"), "x")));
    String es256 = TestJwts.signWithKey("ES256", claims("ec-client"), ec.getPrivate());
    assertInvalidClient(byAssertion(withDerSignature(es256)));
    assertInvalidClient(byBasic("rsa-client", "anything"));
  }

  @Test
  void anAssertionMustBeForThisEndpointUnexpiredUnreplayedAndAboutItsIssuer() throws Exception {
    assertInvalidClient(
        byAssertion(signed(claims("jwt-client").put("aud", "https://else/as/token"))));
    assertInvalidClient(
        byAssertion(signed(claims("jwt-client").put("exp", NOW.minusSeconds(1).getEpochSecond()))));
    assertInvalidClient(byAssertion(signed(claims("jwt-client").put("sub", "rsa-client"))));
    ObjectNode noJti = claims("jwt-client");
    noJti.remove("jti");
    assertInvalidClient(byAssertion(signed(noJti)));
    assertInvalidClient(
        byAssertion(signed(claims("jwt-client").put("nbf", NOW.plusSeconds(30).getEpochSecond()))));

    String once = signed(claims("jwt-client"));
    assertThat(byAssertion(once).statusCode()).isEqualTo(200);
    assertInvalidClient(byAssertion(once));
  }

  @Test
  void anAudienceListNamingTheEndpointIsAccepted() throws Exception {
    ObjectNode claims = claims("jwt-client");
    claims.putArray("aud").add("https://other").add(sim.tokenUrl(ENV).toString());

    assertThat(byAssertion(signed(claims)).statusCode()).isEqualTo(200);
  }

  @Test
  void theAssertionTypeMustBeJwtBearer() throws Exception {
    String jwt = signed(claims("jwt-client"));
    HttpResponse<String> response =
        client.send(
            client.tokenRequest(
                "grant_type=client_credentials&client_assertion_type=saml&client_assertion="
                    + jwt));

    assertInvalidClient(response);
  }

  @Test
  void twoMethodsAtOnceAreAnInvalidRequest() throws Exception {
    HttpResponse<String> response =
        client.send(
            client
                .tokenRequest("grant_type=client_credentials&client_id=post-client&client_secret=x")
                .header("Authorization", basic("basic-client", "x")));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").asText()).isEqualTo("invalid_request");
  }

  @Test
  void anUnknownEnvironmentIsNotFoundInPingOnesErrorShape() throws Exception {
    HttpResponse<String> response =
        client.send(
            java.net.http.HttpRequest.newBuilder(sim.tokenUrl(SimClient.newId()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic("basic-client", "x"))
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials")));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("code").asText()).isEqualTo("NOT_FOUND");
  }

  @Test
  void theTokenEndpointHasItsOwnRateLimitAnswering429WithRetryAfter() throws Exception {
    sim.setFaults(FaultSettings.none().withTokenRateLimitPerSecond(2));
    String secret = URLEncoder.encode(TRICKY_SECRET, StandardCharsets.UTF_8);

    assertThat(byBasic("basic-client", secret).statusCode()).isEqualTo(200);
    assertThat(byBasic("basic-client", secret).statusCode()).isEqualTo(200);
    HttpResponse<String> limited = byBasic("basic-client", secret);

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
    clock.advance(java.time.Duration.ofSeconds(1));
    assertThat(byBasic("basic-client", secret).statusCode()).isEqualTo(200);
  }

  private ObjectNode claims(String clientId) {
    return TestJwts.claims(clientId, sim.tokenUrl(ENV).toString(), NOW);
  }

  private static String signed(ObjectNode claims) throws Exception {
    return TestJwts.signWithSecret("HS256", claims, JWT_SECRET);
  }

  /** The same ES256 token with its signature in the JDK's DER instead of R||S. */
  private static String withDerSignature(String jwt) {
    String[] parts = jwt.split("\\.");
    byte[] raw = java.util.Base64.getUrlDecoder().decode(parts[2]);
    byte[] der = JwsSignatures.derOf(raw);
    return parts[0]
        + "."
        + parts[1]
        + "."
        + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(der);
  }

  private HttpResponse<String> byBasic(String clientId, String encodedSecret) throws Exception {
    String credentials = clientId + ":" + encodedSecret;
    String header =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    return client.send(
        client.tokenRequest("grant_type=client_credentials").header("Authorization", header));
  }

  private HttpResponse<String> byForm(String clientId, String encodedSecret) throws Exception {
    return client.send(
        client.tokenRequest(
            "grant_type=client_credentials&client_id="
                + clientId
                + "&client_secret="
                + encodedSecret));
  }

  private HttpResponse<String> byAssertion(String jwt) throws Exception {
    return client.send(
        client.tokenRequest(
            "grant_type=client_credentials&client_assertion_type="
                + ASSERTION_TYPE
                + "&client_assertion="
                + jwt));
  }

  private static void assertInvalidClient(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).get("error").asText()).isEqualTo("invalid_client");
    assertThat(Set.of(response.body())).noneMatch(body -> body.contains(TRICKY_SECRET));
  }
}
