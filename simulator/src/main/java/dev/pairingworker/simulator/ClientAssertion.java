package dev.pairingworker.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * A JWT client assertion (RFC 7523 §3) taken apart: header, claims, the signed input and the
 * signature. Parsing checks only the shape; {@link ClientAuthenticator} judges the content.
 */
record ClientAssertion(String alg, JsonNode claims, byte[] signingInput, byte[] signature) {
  private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

  static Optional<ClientAssertion> parse(String jwt) {
    String[] parts = jwt.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      JsonNode header = SimulatorJson.read(BASE64URL.decode(parts[0]));
      JsonNode claims = SimulatorJson.read(BASE64URL.decode(parts[1]));
      if (header == null
          || !header.path("alg").isTextual()
          || claims == null
          || !claims.isObject()) {
        return Optional.empty();
      }
      byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
      return Optional.of(
          new ClientAssertion(
              header.get("alg").textValue(), claims, input, BASE64URL.decode(parts[2])));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The {@code iss} claim, or null. */
  String issuer() {
    return claims.path("iss").isTextual() ? claims.get("iss").textValue() : null;
  }

  String subject() {
    return claims.path("sub").isTextual() ? claims.get("sub").textValue() : null;
  }

  String jwtId() {
    return claims.path("jti").isTextual() ? claims.get("jti").textValue() : null;
  }

  /** Whether {@code aud} (a string or an array of strings) names one of the URLs. */
  boolean isFor(Set<String> audiences) {
    JsonNode aud = claims.get("aud");
    if (aud == null) {
      return false;
    }
    if (aud.isTextual()) {
      return audiences.contains(aud.textValue());
    }
    for (JsonNode one : aud) {
      if (one.isTextual() && audiences.contains(one.textValue())) {
        return true;
      }
    }
    return false;
  }

  /** {@code exp} as an instant, or null when absent or not a number. */
  Instant expiresAt() {
    return instant("exp");
  }

  Instant notBefore() {
    return instant("nbf");
  }

  private Instant instant(String claim) {
    JsonNode value = claims.get(claim);
    return value != null && value.isNumber() ? Instant.ofEpochSecond(value.asLong()) : null;
  }
}
