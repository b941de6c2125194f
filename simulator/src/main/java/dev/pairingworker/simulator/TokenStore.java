package dev.pairingworker.simulator;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access tokens this simulator issued. Tokens look like JWTs (PingOne issues JWTs) but are
 * opaque here: only the store's memory makes one valid, so a client cannot forge one and must not
 * parse it.
 */
final class TokenStore {
  private static final String BEARER = "Bearer ";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final String HEADER =
      BASE64URL.encodeToString(
          "{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

  private final Map<String, Instant> expiryByToken = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Duration lifetime;

  TokenStore(Clock clock, Duration lifetime) {
    this.clock = clock;
    this.lifetime = lifetime;
  }

  Duration lifetime() {
    return lifetime;
  }

  /** Issues a fresh token for the client in the environment. */
  String issue(String environmentId, String clientId) {
    Instant now = clock.instant();
    Instant expiresAt = now.plus(lifetime);
    String payload =
        SimulatorJson.object()
            .put("client_id", clientId)
            .put("env", environmentId)
            .put("iat", now.getEpochSecond())
            .put("exp", expiresAt.getEpochSecond())
            .put("jti", Ids.random())
            .toString();
    byte[] signature = new byte[32];
    random.nextBytes(signature);
    String token =
        HEADER
            + '.'
            + BASE64URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + '.'
            + BASE64URL.encodeToString(signature);
    expiryByToken.put(token, expiresAt);
    return token;
  }

  /** Judges an {@code Authorization} header value; {@code null} means the header was absent. */
  TokenState inspect(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return TokenState.NONE;
    }
    Instant expiresAt = expiryByToken.get(authorization.substring(BEARER.length()).trim());
    if (expiresAt == null) {
      return TokenState.UNKNOWN;
    }
    return clock.instant().isBefore(expiresAt) ? TokenState.VALID : TokenState.EXPIRED;
  }

  /** Every token issued so far. */
  Set<String> issued() {
    return Set.copyOf(expiryByToken.keySet());
  }

  /** Makes every token issued so far expired; later tokens are unaffected. */
  void expireAll() {
    expiryByToken.replaceAll((token, expiresAt) -> Instant.MIN);
  }
}
