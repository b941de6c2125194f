package dev.pairingworker.pingone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pairingworker.config.JwsAlgorithm;
import dev.pairingworker.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes compact JWS (RFC 7515) with one algorithm and key, using only the JDK's crypto: HMAC for
 * {@code client_secret_jwt}, RSA PKCS#1 v1.5 or ECDSA for {@code private_key_jwt}. ECDSA signatures
 * come out in JWS's raw R||S form (the JDK's P1363 format), not ASN.1 DER. Thread-safe: each
 * signature gets its own {@code Mac} or {@code Signature}. {@link #toString()} shows the algorithm
 * and kid only.
 */
public final class JwsSigner {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final JwsAlgorithm algorithm;
  private final SecretKeySpec hmacKey;
  private final PrivateKey privateKey;
  private final Optional<String> keyId;

  private JwsSigner(
      JwsAlgorithm algorithm,
      SecretKeySpec hmacKey,
      PrivateKey privateKey,
      Optional<String> keyId) {
    this.algorithm = algorithm;
    this.hmacKey = hmacKey;
    this.privateKey = privateKey;
    this.keyId = keyId;
  }

  /** HS256, HS384 or HS512 with the UTF-8 bytes of {@code secret} as the key. */
  public static JwsSigner hmac(JwsAlgorithm algorithm, Secret secret) {
    requireFamily(algorithm, JwsAlgorithm.Family.HMAC);
    byte[] key = secret.reveal().getBytes(StandardCharsets.UTF_8);
    return new JwsSigner(
        algorithm, new SecretKeySpec(key, algorithm.jcaName()), null, Optional.empty());
  }

  /** An RS or ES algorithm with {@code key}; {@code keyId} becomes the {@code kid} header. */
  public static JwsSigner privateKey(
      JwsAlgorithm algorithm, PrivateKey key, Optional<String> keyId) {
    if (algorithm.family() == JwsAlgorithm.Family.HMAC) {
      throw new IllegalArgumentException(algorithm + " does not sign with a private key");
    }
    return new JwsSigner(algorithm, null, Objects.requireNonNull(key, "key"), keyId);
  }

  /** The algorithm, as the {@code alg} header names it. */
  public JwsAlgorithm algorithm() {
    return algorithm;
  }

  /**
   * {@code header.payload.signature} for {@code claims}, with the header {@code alg}, {@code typ}
   * and (when set) {@code kid}.
   *
   * @throws TokenException when the JDK refuses to sign (the message names the exception type)
   */
  public String sign(ObjectNode claims) {
    ObjectNode header = JSON.createObjectNode();
    header.put("alg", algorithm.name());
    header.put("typ", "JWT");
    keyId.ifPresent(kid -> header.put("kid", kid));
    String signingInput = base64url(header.toString()) + "." + base64url(claims.toString());
    byte[] input = signingInput.getBytes(StandardCharsets.US_ASCII);
    try {
      return signingInput + "." + BASE64URL.encodeToString(signature(input));
    } catch (GeneralSecurityException e) {
      throw new TokenException(
          "the client assertion could not be signed with "
              + algorithm
              + " ("
              + e.getClass().getSimpleName()
              + ")",
          null);
    }
  }

  private byte[] signature(byte[] input) throws GeneralSecurityException {
    if (hmacKey != null) {
      Mac mac = Mac.getInstance(algorithm.jcaName());
      mac.init(hmacKey);
      return mac.doFinal(input);
    }
    Signature signature = Signature.getInstance(algorithm.jcaName());
    signature.initSign(privateKey);
    signature.update(input);
    return signature.sign();
  }

  private static String base64url(String json) {
    return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static void requireFamily(JwsAlgorithm algorithm, JwsAlgorithm.Family family) {
    if (algorithm.family() != family) {
      throw new IllegalArgumentException(algorithm + " is not an " + family + " algorithm");
    }
  }

  @Override
  public String toString() {
    return "JwsSigner[" + algorithm + ", kid=" + keyId.orElse("none") + "]";
  }
}
