package dev.pairingworker.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Keys for the client assertions of {@code client_secret_jwt} and {@code private_key_jwt} (read
 * with {@link WorkerConfig#clientAuth()}). Which keys a method needs, and that the key matches the
 * algorithm, is checked at start-up; {@code docs/security.md} says how to set each method up.
 */
public final class ClientAuthSettings {
  /** The JWS algorithm of the client assertion. */
  public static final ConfigKey<JwsAlgorithm> JWT_ALGORITHM =
      ConfigKey.builder(
              "pingone.token.jwt.algorithm", ValueType.oneOf(JwsAlgorithm.class, Enum::name))
          .derivedDefault(
              "HS256 for client_secret_jwt; for private_key_jwt RS256 or the ES algorithm of the"
                  + " key's curve",
              values -> Optional.empty())
          .doc(
              "JWS algorithm of the client assertion (case-insensitive): HS256, HS384 or HS512 for"
                  + " client_secret_jwt; RS256, RS384, RS512 (RSA key of at least 2048 bits) or"
                  + " ES256, ES384, ES512 (EC key on P-256, P-384, P-521) for private_key_jwt. Must"
                  + " match the key. Only for the two JWT methods.")
          .build();

  /** How long a client assertion is valid. */
  public static final ConfigKey<Duration> JWT_LIFETIME =
      ConfigKey.builder("pingone.token.jwt.lifetime", ValueType.DURATION)
          .defaultValue("60s")
          .validator(Validator.between(Duration.ofSeconds(1), Duration.ofMinutes(10)))
          .doc(
              "Lifetime of each client assertion (its exp minus its iat; 1s to 10m). A new"
                  + " assertion, with a new jti, is made for every token request. Only for the two"
                  + " JWT methods.")
          .build();

  /** The private key of private_key_jwt. */
  public static final ConfigKey<Path> KEY_FILE =
      ConfigKey.builder("pingone.client.key.file", ValueType.FILE)
          .derivedDefault("not set", values -> Optional.empty())
          .doc(
              "Private key that signs private_key_jwt assertions, read once at start-up: a PEM"
                  + " file (PKCS#8 `BEGIN PRIVATE KEY`, or `BEGIN RSA PRIVATE KEY` / `BEGIN EC"
                  + " PRIVATE KEY`; not encrypted) or a PKCS#12 keystore (.p12). Required for"
                  + " private_key_jwt, and only for it.")
          .build();

  /** Password of the PKCS#12 keystore. */
  public static final ConfigKey<String> KEY_PASSWORD =
      ConfigKey.builder("pingone.client.key.password", ValueType.STRING)
          .secret()
          .derivedDefault("not set", values -> Optional.empty())
          .doc(
              "Password of the PKCS#12 keystore named by pingone.client.key.file (and of its key"
                  + " entry). Secret: never printed; prefer pingone.client.key.password.file or the"
                  + " environment variable. Set at most one of the two.")
          .build();

  /** A file holding the keystore password. */
  public static final ConfigKey<Path> KEY_PASSWORD_FILE =
      ConfigKey.builder("pingone.client.key.password.file", ValueType.FILE)
          .derivedDefault("not set", values -> Optional.empty())
          .doc(
              "File holding the PKCS#12 keystore password, read once at start-up; one trailing"
                  + " newline is dropped.")
          .build();

  /** Which keystore entry holds the key. */
  public static final ConfigKey<String> KEY_ALIAS =
      ConfigKey.builder("pingone.client.key.alias", ValueType.STRING)
          .derivedDefault("the keystore's only key entry", values -> Optional.empty())
          .doc(
              "Alias of the private key entry in the PKCS#12 keystore; needed only when it holds"
                  + " more than one key.")
          .build();

  /** The kid header of private_key_jwt assertions. */
  public static final ConfigKey<String> KEY_ID =
      ConfigKey.builder("pingone.client.key.id", ValueType.STRING)
          .derivedDefault("not set: no kid header", values -> Optional.empty())
          .doc(
              "Key ID sent as the `kid` header of private_key_jwt assertions: the `kid` of the"
                  + " matching public key in the app's JWKS in PingOne, which picks the key by it"
                  + " (needed while a rotation leaves two keys in the JWKS).")
          .build();

  static final List<ConfigKey<?>> ALL =
      List.of(
          JWT_ALGORITHM,
          JWT_LIFETIME,
          KEY_FILE,
          KEY_PASSWORD,
          KEY_PASSWORD_FILE,
          KEY_ALIAS,
          KEY_ID);

  /** Keys that only private_key_jwt uses. */
  static final List<ConfigKey<?>> KEY_ONLY =
      List.of(KEY_FILE, KEY_PASSWORD, KEY_PASSWORD_FILE, KEY_ALIAS, KEY_ID);

  /** Keys that only the two JWT methods use. */
  static final List<ConfigKey<?>> ASSERTION_ONLY = List.of(JWT_ALGORITHM, JWT_LIFETIME);

  private ClientAuthSettings() {}
}
