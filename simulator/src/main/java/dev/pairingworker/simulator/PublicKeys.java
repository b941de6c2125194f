package dev.pairingworker.simulator;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads a registered public key from an X.509 {@code BEGIN PUBLIC KEY} PEM, RSA or EC. */
final class PublicKeys {
  private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
  private static final String END = "-----END PUBLIC KEY-----";

  private PublicKeys() {}

  static PublicKey parse(String pem, String field) {
    if (pem == null || !pem.contains(BEGIN) || !pem.contains(END)) {
      throw new IllegalArgumentException(field + " must be a PEM with " + BEGIN);
    }
    String base64 =
        pem.substring(pem.indexOf(BEGIN) + BEGIN.length(), pem.indexOf(END)).replaceAll("\\s", "");
    byte[] der;
    try {
      der = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " is not valid base64", e);
    }
    for (String algorithm : new String[] {"RSA", "EC"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new IllegalArgumentException(field + " is neither an RSA nor an EC public key");
  }

  /** The PEM of a public key, as a seed names it. */
  static String pem(PublicKey key) {
    String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded());
    return BEGIN + "\n" + base64 + "\n" + END + "\n";
  }
}
