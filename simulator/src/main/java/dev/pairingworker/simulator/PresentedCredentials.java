package dev.pairingworker.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

/**
 * The client credentials a token request presented, by HTTP Basic ({@code CLIENT_SECRET_BASIC}) or
 * by form fields ({@code CLIENT_SECRET_POST}). Basic credentials are compared as sent, without the
 * form-decoding RFC 6749 asks for, because most clients do not encode them.
 */
record PresentedCredentials(String clientId, String clientSecret) {

  /** Why credentials could not be read at all. */
  enum Problem {
    MISSING,
    MALFORMED,
    BOTH_METHODS
  }

  /** Either credentials or the reason there are none. */
  sealed interface Extraction {}

  record Found(PresentedCredentials credentials) implements Extraction {}

  record Failed(Problem problem) implements Extraction {}

  static Extraction extract(String authorization, Map<String, String> form) {
    boolean inForm = form.containsKey("client_id") || form.containsKey("client_secret");
    boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    if (basic && inForm) {
      return new Failed(Problem.BOTH_METHODS);
    }
    if (basic) {
      return fromBasic(authorization.substring(6).trim());
    }
    if (form.containsKey("client_id") && form.containsKey("client_secret")) {
      return new Found(new PresentedCredentials(form.get("client_id"), form.get("client_secret")));
    }
    return new Failed(Problem.MISSING);
  }

  private static Extraction fromBasic(String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return new Failed(Problem.MALFORMED);
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return new Failed(Problem.MALFORMED);
    }
    return new Found(
        new PresentedCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
  }

  /** Compares in constant time so the simulator does not teach clients timing tricks. */
  boolean matches(String expectedId, String expectedSecret) {
    return equal(clientId, expectedId) & equal(clientSecret, expectedSecret);
  }

  private static boolean equal(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /** Keeps the secret out of logs and assertion messages. */
  @Override
  public String toString() {
    return "PresentedCredentials[clientId=" + clientId + ", clientSecret=****]";
  }
}
