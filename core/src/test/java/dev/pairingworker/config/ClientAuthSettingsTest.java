package dev.pairingworker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairingworker.support.TestKeyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each auth method starts only with what it needs, and says what is wrong without printing a
 * secret, a password or a key.
 */
class ClientAuthSettingsTest {
  private static final String PASSWORD = "p12-Passw0rd!";

  @TempDir Path dir;

  @Test
  void clientSecretBasicIsTheDefaultAndNeedsOnlyTheSecret() {
    ClientAuth auth = WorkerConfig.of(WorkerConfigTest.required()).clientAuth();

    assertThat(auth.method()).isEqualTo(TokenAuthMethod.CLIENT_SECRET_BASIC);
    assertThat(auth.secret()).contains(Secret.of(WorkerConfigTest.SECRET));
    assertThat(auth.algorithm()).isEmpty();
    assertThat(auth.signingKey()).isEmpty();
  }

  @Test
  void clientSecretJwtSignsWithHs256UnlessAnotherHmacIsChosen() {
    assertThat(withMethod("client_secret_jwt").clientAuth().algorithm())
        .contains(JwsAlgorithm.HS256);
    assertThat(
            withMethod(
                    "client_secret_jwt",
                    "pingone.token.jwt.algorithm",
                    "HS384",
                    "pingone.token.jwt.lifetime",
                    "30s")
                .clientAuth())
        .returns(Optional.of(JwsAlgorithm.HS384), ClientAuth::algorithm)
        .returns(Duration.ofSeconds(30), ClientAuth::assertionLifetime);
    assertRejected(
        settings("client_secret_jwt", "pingone.token.jwt.algorithm", "RS256"),
        "pingone.token.jwt.algorithm: RS256 signs with a private key; client_secret_jwt signs"
            + " with the secret: HS256, HS384 or HS512");
  }

  @Test
  void anAssertionLivesBetweenOneSecondAndTenMinutes() {
    assertRejected(
        settings("client_secret_jwt", "pingone.token.jwt.lifetime", "11m"),
        "pingone.token.jwt.lifetime: invalid value '11m': must be between 1s and 10m");
  }

  @Test
  void privateKeyJwtNeedsAKeyFileAndNoSecret() {
    Map<String, String> settings = settings("private_key_jwt");
    settings.put("pingone.client.secret.file", "/run/secrets/x");

    assertThatThrownBy(() -> WorkerConfig.of(settings))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).errors())
                    .containsExactly(
                        "pingone.client.secret is not used by private_key_jwt; remove it",
                        "pingone.client.secret.file is not used by private_key_jwt; remove it",
                        "pingone.client.key.file: required for private_key_jwt; name the PEM file"
                            + " or PKCS#12 keystore holding the private key"))
        .hasMessageNotContaining(WorkerConfigTest.SECRET);
  }

  @Test
  void keySettingsWithASecretMethodAreAMistakeNotIgnored() {
    assertRejected(
        settings(
            "client_secret_basic",
            "pingone.client.key.file",
            "/k.pem",
            "pingone.token.jwt.lifetime",
            "30s"),
        "2 configuration errors:\n"
            + "  - pingone.client.key.file is not used by client_secret_basic; remove it\n"
            + "  - pingone.token.jwt.lifetime is not used by client_secret_basic; remove it");
  }

  @Test
  void theAlgorithmComesFromTheKey() throws Exception {
    assertThat(keyAlgorithm(TestKeyFiles.rsa(2048))).isEqualTo(JwsAlgorithm.RS256);
    assertThat(keyAlgorithm(TestKeyFiles.ec("secp256r1"))).isEqualTo(JwsAlgorithm.ES256);
    assertThat(keyAlgorithm(TestKeyFiles.ec("secp384r1"))).isEqualTo(JwsAlgorithm.ES384);
    assertThat(keyAlgorithm(TestKeyFiles.ec("secp521r1"))).isEqualTo(JwsAlgorithm.ES512);
  }

  @Test
  void anAlgorithmThatDoesNotFitTheKeyIsRefused() throws Exception {
    Path ec =
        TestKeyFiles.pkcs8Pem(dir.resolve("ec.pem"), TestKeyFiles.ec("secp256r1").getPrivate());
    Path rsa = TestKeyFiles.pkcs8Pem(dir.resolve("rsa.pem"), TestKeyFiles.rsa(2048).getPrivate());
    Path small =
        TestKeyFiles.pkcs8Pem(dir.resolve("small.pem"), TestKeyFiles.rsa(1024).getPrivate());

    assertRejected(
        keyFile(ec, "pingone.token.jwt.algorithm", "ES384"),
        "pingone.token.jwt.algorithm: ES384 does not fit the EC key in pingone.client.key.file"
            + " (a 256-bit curve, which signs with ES256)");
    assertRejected(
        keyFile(ec, "pingone.token.jwt.algorithm", "RS256"),
        "pingone.token.jwt.algorithm: RS256 does not fit the EC key in pingone.client.key.file"
            + " (a 256-bit curve, which signs with ES256)");
    assertRejected(
        keyFile(rsa, "pingone.token.jwt.algorithm", "ES256"),
        "pingone.token.jwt.algorithm: ES256 does not fit the RSA key in pingone.client.key.file;"
            + " use RS256, RS384 or RS512");
    assertRejected(
        keyFile(rsa, "pingone.token.jwt.algorithm", "HS256"),
        "pingone.token.jwt.algorithm: HS256 does not fit the RSA key in pingone.client.key.file;"
            + " use RS256, RS384 or RS512");
    assertRejected(
        keyFile(small),
        "pingone.token.jwt.algorithm: the RSA key in pingone.client.key.file has 1024 bits; JWS"
            + " needs at least 2048");
  }

  @Test
  void anUnreadableOrWrongKeyFileIsNamedWithoutItsContent() throws Exception {
    Path absent = dir.resolve("absent.pem");
    assertRejected(
        keyFile(absent),
        "pingone.client.key.file: cannot read " + absent + " (NoSuchFileException)");

    Path certificateOnly = dir.resolve("cert.pem");
    Files.writeString(
        certificateOnly, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    assertRejected(
        keyFile(certificateOnly),
        "pingone.client.key.file: " + certificateOnly + " is PEM but holds no PRIVATE KEY block");

    KeyPair pair = TestKeyFiles.rsa(2048);
    String body = Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded());
    Path encrypted = dir.resolve("encrypted.pem");
    Files.writeString(
        encrypted,
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
            + body
            + "\n-----END ENCRYPTED PRIVATE KEY-----\n");
    assertThatThrownBy(() -> WorkerConfig.of(keyFile(encrypted)))
        .hasMessage(
            "pingone.client.key.file: "
                + encrypted
                + " holds an encrypted key; decrypt it (openssl pkcs8 -topk8 -nocrypt) or use a"
                + " PKCS#12 keystore with a password")
        .hasMessageNotContaining(body.substring(0, 40));
  }

  @Test
  void aPkcs12KeystoreNeedsItsPasswordAndWhenItHoldsSeveralKeysAnAlias() throws Exception {
    Path p12 = TestKeyFiles.pkcs12(dir.resolve("two.p12"), PASSWORD, "EC", "old", "new");

    assertThat(
            WorkerConfig.of(
                    keyFile(
                        p12,
                        "pingone.client.key.password",
                        PASSWORD,
                        "pingone.client.key.alias",
                        "new",
                        "pingone.client.key.id",
                        "key-2"))
                .clientAuth())
        .returns(Optional.of(JwsAlgorithm.ES256), ClientAuth::algorithm)
        .satisfies(auth -> assertThat(auth.signingKey().orElseThrow().keyId()).contains("key-2"));
    assertThatThrownBy(() -> WorkerConfig.of(keyFile(p12, "pingone.client.key.password", PASSWORD)))
        .hasMessage(
            "pingone.client.key.file: "
                + p12
                + " holds 2 private key entries [new, old]; name one with"
                + " pingone.client.key.alias");
    assertThatThrownBy(() -> WorkerConfig.of(keyFile(p12, "pingone.client.key.alias", "old")))
        .hasMessage(
            "pingone.client.key.file: "
                + p12
                + " is a PKCS#12 keystore: set pingone.client.key.password.file or"
                + " pingone.client.key.password");
    assertThatThrownBy(
            () -> WorkerConfig.of(keyFile(p12, "pingone.client.key.password", "wrong-" + PASSWORD)))
        .hasMessageStartingWith(
            "pingone.client.key.file: "
                + p12
                + " is neither PEM nor a PKCS#12 keystore this"
                + " password opens")
        .hasMessageNotContaining(PASSWORD);
  }

  @Test
  void theKeyAndItsPasswordNeverReachToString() throws Exception {
    Path p12 = TestKeyFiles.pkcs12(dir.resolve("one.p12"), PASSWORD, "RSA", "worker");
    WorkerConfig config = WorkerConfig.of(keyFile(p12, "pingone.client.key.password", PASSWORD));
    String privateExponent =
        ((RSAPrivateKey) config.clientAuth().signingKey().orElseThrow().privateKey())
            .getPrivateExponent()
            .toString(16);

    assertThat(config.toString())
        .contains("pingone.client.key.password=****")
        .doesNotContain(PASSWORD);
    assertThat(config.clientAuth().toString())
        .doesNotContain(PASSWORD)
        .doesNotContain(privateExponent.substring(0, 32))
        .contains("SigningKey[RSA, kid=none]");
  }

  private JwsAlgorithm keyAlgorithm(KeyPair pair) throws Exception {
    Path pem = TestKeyFiles.pkcs8Pem(Files.createTempFile(dir, "key", ".pem"), pair.getPrivate());
    return WorkerConfig.of(keyFile(pem)).clientAuth().algorithm().orElseThrow();
  }

  private static Map<String, String> keyFile(Path file, String... more) {
    Map<String, String> settings = settings("private_key_jwt", more);
    settings.remove("pingone.client.secret");
    settings.put("pingone.client.key.file", file.toString());
    return settings;
  }

  private static WorkerConfig withMethod(String method, String... more) {
    return WorkerConfig.of(settings(method, more));
  }

  private static Map<String, String> settings(String method, String... more) {
    Map<String, String> settings = WorkerConfigTest.required();
    settings.put("pingone.token.auth-method", method);
    for (int i = 0; i < more.length; i += 2) {
      settings.put(more[i], more[i + 1]);
    }
    return settings;
  }

  private static void assertRejected(Map<String, String> settings, String message) {
    assertThatThrownBy(() -> WorkerConfig.of(settings))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message);
  }
}
