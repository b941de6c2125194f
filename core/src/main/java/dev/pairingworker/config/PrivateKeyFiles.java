package dev.pairingworker.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a private key from the bytes of a PEM file or a PKCS#12 keystore. Every reason names the
 * format and what is wrong, never the key material or the password, and never an exception's
 * message (which could quote either).
 */
final class PrivateKeyFiles {
  private static final Pattern PEM_BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
  private static final Pattern PEM_HEADER = Pattern.compile("(?m)^[A-Za-z-]+:.*$");

  private PrivateKeyFiles() {}

  /** The key in {@code content}: PEM when it starts like PEM, a PKCS#12 keystore otherwise. */
  static PrivateKey read(byte[] content, Optional<Secret> password, Optional<String> alias)
      throws InvalidValueException {
    String start =
        new String(content, 0, Math.min(content.length, 64), StandardCharsets.ISO_8859_1);
    if (start.strip().startsWith("-----BEGIN")) {
      if (password.isPresent() || alias.isPresent()) {
        throw new InvalidValueException(
            "is a PEM file; a password and an alias are only for a PKCS#12 keystore");
      }
      return pem(new String(content, StandardCharsets.US_ASCII));
    }
    return pkcs12(content, password, alias);
  }

  private static PrivateKey pem(String text) throws InvalidValueException {
    Matcher block = PEM_BLOCK.matcher(text);
    while (block.find()) {
      String label = block.group(1);
      if (!label.endsWith("PRIVATE KEY")) {
        continue; // e.g. a certificate beside the key
      }
      if (PEM_HEADER.matcher(block.group(2)).find() || label.equals("ENCRYPTED PRIVATE KEY")) {
        throw new InvalidValueException(
            "holds an encrypted key; decrypt it (openssl pkcs8 -topk8 -nocrypt) or use a"
                + " PKCS#12 keystore with a password");
      }
      byte[] der = base64(block.group(2), label);
      return switch (label) {
        case "PRIVATE KEY" -> pkcs8(der);
        case "RSA PRIVATE KEY" -> pkcs8(fromPkcs1(der));
        case "EC PRIVATE KEY" -> pkcs8(fromSec1(der));
        default ->
            throw new InvalidValueException(
                "holds a '"
                    + label
                    + "' block; expected PRIVATE KEY, RSA PRIVATE KEY or EC"
                    + " PRIVATE KEY");
      };
    }
    throw new InvalidValueException("is PEM but holds no PRIVATE KEY block");
  }

  private static byte[] base64(String body, String label) throws InvalidValueException {
    try {
      return Base64.getMimeDecoder().decode(body.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("has a " + label + " block that is not base64");
    }
  }

  /** A PKCS#8 key of either type the JWS algorithms use. */
  private static PrivateKey pkcs8(byte[] der) throws InvalidValueException {
    for (String type : List.of("RSA", "EC")) {
      try {
        return KeyFactory.getInstance(type).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException notThisType) {
        // try the next type
      }
    }
    throw new InvalidValueException("holds no RSA or EC private key the JDK can read");
  }

  /** PKCS#1 RSAPrivateKey → PKCS#8 PrivateKeyInfo (RFC 5208) with rsaEncryption. */
  private static byte[] fromPkcs1(byte[] pkcs1) {
    return Der.encode(
        Der.SEQUENCE,
        Der.encode(Der.INTEGER, new byte[] {0}),
        Der.encode(Der.SEQUENCE, Der.encode(Der.OID, Der.RSA_ENCRYPTION), Der.encode(Der.NULL)),
        Der.encode(Der.OCTET_STRING, pkcs1));
  }

  /**
   * SEC1 ECPrivateKey (RFC 5915) → PKCS#8 with id-ecPublicKey and the curve the SEC1 key names in
   * its parameters [0].
   */
  private static byte[] fromSec1(byte[] sec1) throws InvalidValueException {
    for (Der.Element element : Der.sequence(sec1)) {
      if (element.tag() == Der.CONTEXT_0) {
        byte[] curve = element.contents();
        if (curve.length == 0 || (curve[0] & 0xFF) != Der.OID) {
          break;
        }
        return Der.encode(
            Der.SEQUENCE,
            Der.encode(Der.INTEGER, new byte[] {0}),
            Der.encode(Der.SEQUENCE, Der.encode(Der.OID, Der.EC_PUBLIC_KEY), curve),
            Der.encode(Der.OCTET_STRING, sec1));
      }
    }
    throw new InvalidValueException(
        "holds an EC PRIVATE KEY without a named curve; convert it with openssl pkcs8 -topk8"
            + " -nocrypt");
  }

  private static PrivateKey pkcs12(
      byte[] content, Optional<Secret> password, Optional<String> alias)
      throws InvalidValueException {
    char[] chars = password.map(p -> p.reveal().toCharArray()).orElse(null);
    KeyStore store;
    try {
      store = KeyStore.getInstance("PKCS12");
      store.load(new ByteArrayInputStream(content), chars);
    } catch (IOException | GeneralSecurityException e) {
      throw new InvalidValueException(
          "is neither PEM nor a PKCS#12 keystore this password opens ("
              + e.getClass().getSimpleName()
              + ")");
    }
    try {
      String entry = alias.isPresent() ? alias.get() : onlyKeyEntry(store);
      if (!store.isKeyEntry(entry)) {
        throw new InvalidValueException(
            "has no private key entry named '" + entry + "'; key entries: " + keyEntries(store));
      }
      Key key = store.getKey(entry, chars);
      if (!(key instanceof PrivateKey privateKey)) {
        throw new InvalidValueException("entry '" + entry + "' is not a private key");
      }
      return privateKey;
    } catch (GeneralSecurityException e) {
      if (password.isEmpty()) {
        throw new InvalidValueException(
            "is a PKCS#12 keystore: set "
                + ClientAuthSettings.KEY_PASSWORD_FILE.name()
                + " or "
                + ClientAuthSettings.KEY_PASSWORD.name());
      }
      throw new InvalidValueException(
          "has a key entry this password does not open (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static String onlyKeyEntry(KeyStore store)
      throws GeneralSecurityException, InvalidValueException {
    List<String> entries = keyEntries(store);
    if (entries.size() != 1) {
      throw new InvalidValueException(
          "holds "
              + entries.size()
              + " private key entries "
              + entries
              + "; name one with "
              + ClientAuthSettings.KEY_ALIAS.name());
    }
    return entries.get(0);
  }

  private static List<String> keyEntries(KeyStore store) throws GeneralSecurityException {
    List<String> entries = new ArrayList<>();
    for (String alias : Collections.list(store.aliases())) {
      if (store.isKeyEntry(alias)) {
        entries.add(alias);
      }
    }
    Collections.sort(entries); // the keystore's order is a hash order
    return entries;
  }
}
