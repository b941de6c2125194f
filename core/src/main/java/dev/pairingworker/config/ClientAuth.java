package dev.pairingworker.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the worker proves itself to the token endpoint, validated: the method and exactly what it
 * needs. A secret method has the secret; {@code client_secret_jwt} also an HMAC algorithm; {@code
 * private_key_jwt} the key and an algorithm that fits it. {@link #toString()} shows neither secret
 * nor key.
 *
 * @param assertionLifetime how long each client assertion is valid (JWT methods only)
 */
public record ClientAuth(
    TokenAuthMethod method,
    Optional<Secret> secret,
    Optional<SigningKey> signingKey,
    Optional<JwsAlgorithm> algorithm,
    Duration assertionLifetime) {

  public ClientAuth {
    Objects.requireNonNull(method, "method");
    if (method.usesSecret() != secret.isPresent()) {
      throw new IllegalArgumentException(method.configName() + " and a secret do not go together");
    }
    if ((method == TokenAuthMethod.PRIVATE_KEY_JWT) != signingKey.isPresent()) {
      throw new IllegalArgumentException(method.configName() + " and a key do not go together");
    }
    if (method.usesAssertion() != algorithm.isPresent()) {
      throw new IllegalArgumentException(
          method.configName() + " and an algorithm do not go together");
    }
    Objects.requireNonNull(assertionLifetime, "assertionLifetime");
  }
}
