package dev.pairingworker.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

/**
 * The client authentication a token request presented: HTTP Basic ({@code CLIENT_SECRET_BASIC}),
 * form fields ({@code CLIENT_SECRET_POST}) or a JWT client assertion ({@code CLIENT_SECRET_JWT},
 * {@code PRIVATE_KEY_JWT}). Presenting more than one is an error (RFC 6749 §2.3).
 */
final class PresentedCredentials {
  static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  private PresentedCredentials() {}

  /** Why credentials could not be read at all. */
  enum Problem {
    MISSING,
    MALFORMED,
    BOTH_METHODS,
    WRONG_ASSERTION_TYPE
  }

  /** What was presented, or why nothing usable was. */
  sealed interface Presented {}

  /**
   * HTTP Basic. {@code clientId}/{@code clientSecret} are form-url-decoded as RFC 6749 §2.3.1
   * requires; {@code rawId}/{@code rawSecret} are as sent (a lenient simulator accepts either).
   */
  record Basic(String clientId, String clientSecret, String rawId, String rawSecret)
      implements Presented {
    @Override
    public String toString() {
      return "Basic[clientId=" + clientId + ", clientSecret=****]";
    }
  }

  record Post(String clientId, String clientSecret) implements Presented {
    @Override
    public String toString() {
      return "Post[clientId=" + clientId + ", clientSecret=****]";
    }
  }

  /** A client assertion; {@code clientId} is the optional {@code client_id} field, or null. */
  record Assertion(String clientId, String jwt) implements Presented {
    @Override
    public String toString() {
      return "Assertion[clientId=" + clientId + "]";
    }
  }

  record Failed(Problem problem) implements Presented {}

  static Presented extract(String authorization, Map<String, String> form) {
    boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    boolean post = form.containsKey("client_secret");
    boolean assertion =
        form.containsKey("client_assertion") || form.containsKey("client_assertion_type");
    int methods = (basic ? 1 : 0) + (post ? 1 : 0) + (assertion ? 1 : 0);
    if (methods > 1) {
      return new Failed(Problem.BOTH_METHODS);
    }
    if (basic) {
      return fromBasic(authorization.substring(6).trim());
    }
    if (post) {
      return form.containsKey("client_id")
          ? new Post(form.get("client_id"), form.get("client_secret"))
          : new Failed(Problem.MISSING);
    }
    if (assertion) {
      if (!ASSERTION_TYPE.equals(form.get("client_assertion_type"))) {
        return new Failed(Problem.WRONG_ASSERTION_TYPE);
      }
      String jwt = form.get("client_assertion");
      return jwt == null || jwt.isEmpty()
          ? new Failed(Problem.MISSING)
          : new Assertion(form.get("client_id"), jwt);
    }
    return new Failed(Problem.MISSING);
  }

  private static Presented fromBasic(String encoded) {
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
    String rawId = decoded.substring(0, colon);
    String rawSecret = decoded.substring(colon + 1);
    try {
      return new Basic(formDecode(rawId), formDecode(rawSecret), rawId, rawSecret);
    } catch (IllegalArgumentException e) {
      // A malformed %-escape: no client could mean it.
      return new Failed(Problem.MALFORMED);
    }
  }

  /** application/x-www-form-urlencoded decoding: {@code %XX} escapes and {@code +} for space. */
  static String formDecode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  /** Compares in constant time so the simulator does not teach clients timing tricks. */
  static boolean equal(String a, String b) {
    return a != null
        && b != null
        && MessageDigest.isEqual(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
