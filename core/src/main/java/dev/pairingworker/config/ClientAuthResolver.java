package dev.pairingworker.config;

import static dev.pairingworker.config.ClientAuthSettings.JWT_ALGORITHM;
import static dev.pairingworker.config.ClientAuthSettings.JWT_LIFETIME;
import static dev.pairingworker.config.ClientAuthSettings.KEY_ALIAS;
import static dev.pairingworker.config.ClientAuthSettings.KEY_FILE;
import static dev.pairingworker.config.ClientAuthSettings.KEY_ID;
import static dev.pairingworker.config.ClientAuthSettings.KEY_PASSWORD;
import static dev.pairingworker.config.ClientAuthSettings.KEY_PASSWORD_FILE;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns {@code pingone.token.auth-method} and the keys it needs into a {@link ClientAuth}, or adds
 * the reasons to the errors: a key the method does not use is an error too (it usually means the
 * method was not switched). Messages name keys and paths, never a secret, password or key.
 */
final class ClientAuthResolver {
  private static final int MIN_RSA_BITS = 2048;

  private ClientAuthResolver() {}

  static Optional<ClientAuth> resolve(
      ConfigValues values, Map<String, String> settings, List<String> errors) {
    Optional<TokenAuthMethod> method = values.find(WorkerSettings.TOKEN_AUTH_METHOD);
    if (method.isEmpty()) {
      return Optional.empty(); // its own error is listed already
    }
    TokenAuthMethod chosen = method.get();
    String why = " is not used by " + chosen.configName() + "; remove it";
    if (chosen != TokenAuthMethod.PRIVATE_KEY_JWT) {
      unused(ClientAuthSettings.KEY_ONLY, settings, why, errors);
    }
    if (!chosen.usesAssertion()) {
      unused(ClientAuthSettings.ASSERTION_ONLY, settings, why, errors);
    }
    if (!chosen.usesSecret()) {
      unused(
          List.of(WorkerSettings.CLIENT_SECRET, SecuritySettings.CLIENT_SECRET_FILE),
          settings,
          why,
          errors);
    }
    Optional<Secret> secret =
        chosen.usesSecret()
            ? ClientSecrets.resolve(
                values,
                settings.containsKey(WorkerSettings.CLIENT_SECRET.name()),
                settings.containsKey(SecuritySettings.CLIENT_SECRET_FILE.name()),
                errors)
            : Optional.empty();
    Optional<SigningKey> key =
        chosen == TokenAuthMethod.PRIVATE_KEY_JWT
            ? signingKey(values, settings, errors)
            : Optional.empty();
    Optional<JwsAlgorithm> algorithm = algorithm(chosen, values, key, errors);
    Optional<Duration> lifetime = values.find(JWT_LIFETIME);
    boolean complete =
        (!chosen.usesSecret() || secret.isPresent())
            && (chosen != TokenAuthMethod.PRIVATE_KEY_JWT || key.isPresent())
            && (!chosen.usesAssertion() || algorithm.isPresent())
            && lifetime.isPresent();
    return complete
        ? Optional.of(new ClientAuth(chosen, secret, key, algorithm, lifetime.get()))
        : Optional.empty();
  }

  private static void unused(
      List<ConfigKey<?>> keys, Map<String, String> settings, String why, List<String> errors) {
    for (ConfigKey<?> key : keys) {
      if (settings.containsKey(key.name())) {
        errors.add(key.name() + why);
      }
    }
  }

  private static Optional<SigningKey> signingKey(
      ConfigValues values, Map<String, String> settings, List<String> errors) {
    Optional<Path> file = values.find(KEY_FILE);
    if (file.isEmpty()) {
      if (!settings.containsKey(KEY_FILE.name())) {
        errors.add(
            KEY_FILE.name()
                + ": required for private_key_jwt; name the PEM file or PKCS#12 keystore holding"
                + " the private key");
      }
      return Optional.empty();
    }
    Optional<Secret> password = password(values, settings, errors);
    if (password.isEmpty() && settings.containsKey(KEY_PASSWORD_FILE.name())) {
      return Optional.empty(); // the password file could not be read
    }
    byte[] content;
    try {
      content = Files.readAllBytes(file.get());
    } catch (IOException e) {
      errors.add(
          KEY_FILE.name()
              + ": cannot read "
              + file.get()
              + " ("
              + e.getClass().getSimpleName()
              + ")");
      return Optional.empty();
    }
    try {
      PrivateKey key = PrivateKeyFiles.read(content, password, values.find(KEY_ALIAS));
      return Optional.of(new SigningKey(key, values.find(KEY_ID)));
    } catch (InvalidValueException e) {
      errors.add(KEY_FILE.name() + ": " + file.get() + " " + e.reason());
      return Optional.empty();
    }
  }

  private static Optional<Secret> password(
      ConfigValues values, Map<String, String> settings, List<String> errors) {
    boolean inline = settings.containsKey(KEY_PASSWORD.name());
    boolean inFile = settings.containsKey(KEY_PASSWORD_FILE.name());
    if (inline && inFile) {
      errors.add(
          KEY_PASSWORD.name()
              + " or "
              + KEY_PASSWORD_FILE.name()
              + ": set only one of them, not"
              + " both");
      return Optional.empty();
    }
    if (inline) {
      return values.find(KEY_PASSWORD).map(Secret::of);
    }
    Optional<Path> file = values.find(KEY_PASSWORD_FILE);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    try {
      String text = Files.readString(file.get(), StandardCharsets.UTF_8);
      return Optional.of(Secret.of(ClientSecrets.withoutTrailingNewline(text)));
    } catch (IOException e) {
      errors.add(
          KEY_PASSWORD_FILE.name()
              + ": cannot read "
              + file.get()
              + " ("
              + e.getClass().getSimpleName()
              + ")");
      return Optional.empty();
    }
  }

  /** The configured algorithm if it fits the method and key, else the method's or key's own. */
  private static Optional<JwsAlgorithm> algorithm(
      TokenAuthMethod method, ConfigValues values, Optional<SigningKey> key, List<String> errors) {
    Optional<JwsAlgorithm> configured = values.find(JWT_ALGORITHM);
    if (method == TokenAuthMethod.CLIENT_SECRET_JWT) {
      JwsAlgorithm algorithm = configured.orElse(JwsAlgorithm.HS256);
      if (algorithm.family() != JwsAlgorithm.Family.HMAC) {
        errors.add(
            JWT_ALGORITHM.name()
                + ": "
                + algorithm
                + " signs with a private key;"
                + " client_secret_jwt signs with the secret: HS256, HS384 or HS512");
        return Optional.empty();
      }
      return Optional.of(algorithm);
    }
    if (method != TokenAuthMethod.PRIVATE_KEY_JWT || key.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(forKey(key.get().privateKey(), configured));
    } catch (InvalidValueException e) {
      errors.add(JWT_ALGORITHM.name() + ": " + e.reason());
      return Optional.empty();
    }
  }

  private static JwsAlgorithm forKey(PrivateKey key, Optional<JwsAlgorithm> configured)
      throws InvalidValueException {
    if (key instanceof RSAPrivateKey rsa) {
      int bits = rsa.getModulus().bitLength();
      if (bits < MIN_RSA_BITS) {
        throw new InvalidValueException(
            "the RSA key in "
                + KEY_FILE.name()
                + " has "
                + bits
                + " bits; JWS needs at least "
                + MIN_RSA_BITS);
      }
      JwsAlgorithm algorithm = configured.orElse(JwsAlgorithm.RS256);
      if (algorithm.family() != JwsAlgorithm.Family.RSA) {
        throw new InvalidValueException(
            algorithm
                + " does not fit the RSA key in "
                + KEY_FILE.name()
                + "; use RS256, RS384 or RS512");
      }
      return algorithm;
    }
    if (key instanceof ECPrivateKey ec) {
      int bits = ec.getParams().getCurve().getField().getFieldSize();
      Optional<JwsAlgorithm> own = JwsAlgorithm.forCurve(bits);
      if (own.isEmpty()) {
        throw new InvalidValueException(
            "the EC key in "
                + KEY_FILE.name()
                + " is on a "
                + bits
                + "-bit curve; JWS signs"
                + " with P-256, P-384 or P-521 keys");
      }
      if (configured.isPresent() && configured.get() != own.get()) {
        throw new InvalidValueException(
            configured.get()
                + " does not fit the EC key in "
                + KEY_FILE.name()
                + " (a "
                + bits
                + "-bit curve, which signs with "
                + own.get()
                + ")");
      }
      return own.get();
    }
    throw new InvalidValueException(
        "the key in "
            + KEY_FILE.name()
            + " is "
            + key.getAlgorithm()
            + "; private_key_jwt needs an RSA or EC key");
  }
}
