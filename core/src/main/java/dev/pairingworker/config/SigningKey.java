package dev.pairingworker.config;

import java.security.PrivateKey;
import java.util.Objects;
import java.util.Optional;

/**
 * The private key that signs {@code private_key_jwt} assertions and the {@code kid} it is known by
 * in PingOne. {@link #toString()} shows the key's type and the kid, never the key (some providers'
 * keys print their private parts).
 */
public record SigningKey(PrivateKey privateKey, Optional<String> keyId) {
  public SigningKey {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(keyId, "keyId");
  }

  @Override
  public String toString() {
    return "SigningKey[" + privateKey.getAlgorithm() + ", kid=" + keyId.orElse("none") + "]";
  }
}
