package dev.pairingworker.simulator;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies JWS signatures (RFC 7515/7518) with the JDK's crypto: HS256–512 with a shared secret,
 * RS256–512 and ES256–512 with a public key. ES signatures in a JWS are the raw {@code R||S} (64,
 * 96 or 132 bytes), not the DER that {@link Signature} expects, so they are converted.
 */
final class JwsSignatures {
  private static final Map<String, String> HMAC =
      Map.of("HS256", "HmacSHA256", "HS384", "HmacSHA384", "HS512", "HmacSHA512");
  private static final Map<String, String> RSA =
      Map.of("RS256", "SHA256withRSA", "RS384", "SHA384withRSA", "RS512", "SHA512withRSA");
  private static final Map<String, String> ECDSA =
      Map.of("ES256", "SHA256withECDSA", "ES384", "SHA384withECDSA", "ES512", "SHA512withECDSA");

  /** The raw R||S length of each ES algorithm (RFC 7518 §3.4). */
  private static final Map<String, Integer> ECDSA_LENGTH =
      Map.of("ES256", 64, "ES384", 96, "ES512", 132);

  private JwsSignatures() {}

  static boolean isSecretAlgorithm(String alg) {
    return HMAC.containsKey(alg);
  }

  static boolean isKeyAlgorithm(String alg) {
    return RSA.containsKey(alg) || ECDSA.containsKey(alg);
  }

  static boolean verifyWithSecret(String alg, byte[] input, byte[] signature, String secret) {
    String name = HMAC.get(alg);
    if (name == null) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance(name);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), name));
      return MessageDigest.isEqual(mac.doFinal(input), signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  static boolean verifyWithKey(String alg, byte[] input, byte[] signature, PublicKey key) {
    try {
      if (RSA.containsKey(alg) && key instanceof RSAPublicKey) {
        return verify(RSA.get(alg), input, signature, key);
      }
      if (ECDSA.containsKey(alg) && key instanceof ECPublicKey) {
        if (signature.length != ECDSA_LENGTH.get(alg)) {
          return false;
        }
        return verify(ECDSA.get(alg), input, derOf(signature), key);
      }
      return false;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static boolean verify(String name, byte[] input, byte[] signature, PublicKey key)
      throws GeneralSecurityException {
    Signature verifier = Signature.getInstance(name);
    verifier.initVerify(key);
    verifier.update(input);
    return verifier.verify(signature);
  }

  /** {@code R||S} (two equal halves, big-endian) → DER {@code SEQUENCE {INTEGER r, INTEGER s}}. */
  static byte[] derOf(byte[] raw) {
    int half = raw.length / 2;
    byte[] r = new BigInteger(1, Arrays.copyOfRange(raw, 0, half)).toByteArray();
    byte[] s = new BigInteger(1, Arrays.copyOfRange(raw, half, raw.length)).toByteArray();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    writeTlv(body, 0x02, r);
    writeTlv(body, 0x02, s);
    ByteArrayOutputStream der = new ByteArrayOutputStream();
    writeTlv(der, 0x30, body.toByteArray());
    return der.toByteArray();
  }

  private static void writeTlv(ByteArrayOutputStream out, int tag, byte[] value) {
    out.write(tag);
    if (value.length < 0x80) {
      out.write(value.length);
    } else if (value.length < 0x100) {
      out.write(0x81);
      out.write(value.length);
    } else {
      out.write(0x82);
      out.write(value.length >> 8);
      out.write(value.length & 0xff);
    }
    out.writeBytes(value);
  }
}
