package dev.pairingworker.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Client assertions as a client would sign them, written from RFC 7515/7518/7523 with the JDK's
 * crypto and independent of the simulator's verifier: HS* with the secret, RS* and ES* with a
 * private key (ES signatures converted from the JDK's DER to the JWS's raw R||S).
 */
final class TestJwts {
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final Map<String, String> JDK_NAMES =
      Map.of(
          "HS256", "HmacSHA256",
          "HS512", "HmacSHA512",
          "RS256", "SHA256withRSA",
          "RS512", "SHA512withRSA",
          "ES256", "SHA256withECDSA",
          "ES384", "SHA384withECDSA",
          "ES512", "SHA512withECDSA");
  private static final Map<String, Integer> RAW_LENGTH =
      Map.of("ES256", 64, "ES384", 96, "ES512", 132);

  private TestJwts() {}

  static KeyPair rsa() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  static KeyPair ec(String curve) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec(curve));
    return generator.generateKeyPair();
  }

  static String pem(KeyPair pair) {
    return PublicKeys.pem(pair.getPublic());
  }

  /** Claims as RFC 7523 asks: iss = sub = client, aud, exp in a minute, a fresh jti. */
  static ObjectNode claims(String clientId, String audience, Instant now) {
    return SimulatorJson.object()
        .put("iss", clientId)
        .put("sub", clientId)
        .put("aud", audience)
        .put("iat", now.getEpochSecond())
        .put("exp", now.plusSeconds(60).getEpochSecond())
        .put("jti", SimClient.newId());
  }

  static String signWithSecret(String alg, ObjectNode claims, String secret)
      throws GeneralSecurityException {
    String input = input(alg, claims);
    Mac mac = Mac.getInstance(JDK_NAMES.get(alg));
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), JDK_NAMES.get(alg)));
    return input + "." + BASE64URL.encodeToString(mac.doFinal(ascii(input)));
  }

  static String signWithKey(String alg, ObjectNode claims, PrivateKey key)
      throws GeneralSecurityException {
    String input = input(alg, claims);
    Signature signer = Signature.getInstance(JDK_NAMES.get(alg));
    signer.initSign(key);
    signer.update(ascii(input));
    byte[] signature = signer.sign();
    if (alg.startsWith("ES")) {
      signature = rawOf(signature, RAW_LENGTH.get(alg));
    }
    return input + "." + BASE64URL.encodeToString(signature);
  }

  private static String input(String alg, ObjectNode claims) {
    String header = "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}";
    return BASE64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8))
        + "."
        + BASE64URL.encodeToString(SimulatorJson.write(claims));
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** DER SEQUENCE {INTEGER r, INTEGER s} → r and s, each left-padded to half the length. */
  static byte[] rawOf(byte[] der, int length) {
    int offset = (der[1] & 0x80) != 0 ? 2 + (der[1] & 0x7f) : 2;
    byte[] r = Arrays.copyOfRange(der, offset + 2, offset + 2 + der[offset + 1]);
    int sOffset = offset + 2 + r.length;
    byte[] s = Arrays.copyOfRange(der, sOffset + 2, sOffset + 2 + der[sOffset + 1]);
    byte[] raw = new byte[length];
    copyRight(r, raw, 0, length / 2);
    copyRight(s, raw, length / 2, length / 2);
    return raw;
  }

  private static void copyRight(byte[] value, byte[] into, int start, int size) {
    int skip = Math.max(0, value.length - size);
    System.arraycopy(value, skip, into, start + size - (value.length - skip), value.length - skip);
  }
}
