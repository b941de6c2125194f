package dev.pairingworker.simulator;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
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

  /** What an issued token grants: the environment it was issued in and the application's role. */
  record Grant(String environmentId, String applicationId, boolean mfaRole, Instant expiresAt) {}

  private final Map<String, Grant> grants = new ConcurrentHashMap<>();
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

  /** Issues a fresh token for the application in the environment. */
  String issue(String environmentId, ApplicationSeed application) {
    String clientId = application.clientId();
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
    grants.put(token, new Grant(environmentId, application.id(), application.mfaRole(), expiresAt));
    return token;
  }

  /** Judges an {@code Authorization} header value; {@code null} means the header was absent. */
  TokenState inspect(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return TokenState.NONE;
    }
    Grant grant = grants.get(authorization.substring(BEARER.length()).trim());
    if (grant == null) {
      return TokenState.UNKNOWN;
    }
    return clock.instant().isBefore(grant.expiresAt()) ? TokenState.VALID : TokenState.EXPIRED;
  }

  /** What a valid bearer token grants; empty for a missing, unknown or expired one. */
  Optional<Grant> grant(String authorization) {
    if (inspect(authorization) != TokenState.VALID) {
      return Optional.empty();
    }
    return Optional.ofNullable(grants.get(authorization.substring(BEARER.length()).trim()));
  }

  /** Every token issued so far. */
  Set<String> issued() {
    return Set.copyOf(grants.keySet());
  }

  /** Makes every token issued so far expired; later tokens are unaffected. */
  void expireAll() {
    grants.replaceAll(
        (token, grant) ->
            new Grant(grant.environmentId(), grant.applicationId(), grant.mfaRole(), Instant.MIN));
  }
}
