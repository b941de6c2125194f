package dev.pairingworker.simulator;

import java.util.List;
import java.util.Optional;

/**
 * Whether an accepted bearer token may act on a user's pairing keys, checked after the path ids are
 * well-formed: the token must have been issued in the path's environment to an application with the
 * MFA role (otherwise 403 ACCESS_FAILED with detail INSUFFICIENT_PERMISSIONS), and the environment
 * and the user must exist (otherwise 404 NOT_FOUND). A lenient tenant checks none of it.
 */
final class AccessCheck {
  private final TenantDirectory directory;
  private final TokenStore tokens;

  AccessCheck(TenantDirectory directory, TokenStore tokens) {
    this.directory = directory;
    this.tokens = tokens;
  }

  /** The verdict: the environment to act in, or the refusal. */
  sealed interface Verdict {}

  record Allowed(EnvironmentState environment) implements Verdict {}

  record Denied(SimResponse response) implements Verdict {}

  Verdict check(SimRequest request, String environmentId, String userId) {
    if (!directory.lenient()) {
      Optional<TokenStore.Grant> grant = tokens.grant(request.header("Authorization"));
      if (grant.isEmpty()) {
        // Expired between the router's check and now.
        return new Denied(ApiErrors.invalidToken());
      }
      if (!grant.get().environmentId().equals(environmentId)) {
        return new Denied(forbidden("The access token was issued for another environment."));
      }
      if (!grant.get().mfaRole()) {
        return new Denied(forbidden("The application has no role that may manage pairing keys."));
      }
    }
    Optional<EnvironmentState> environment = directory.environment(environmentId);
    if (environment.isEmpty()) {
      return new Denied(ApiErrors.notFound());
    }
    if (!directory.lenient() && !environment.get().hasUser(userId)) {
      return new Denied(ApiErrors.notFound());
    }
    return new Allowed(environment.get());
  }

  private static SimResponse forbidden(String message) {
    ErrorDetail detail = new ErrorDetail("INSUFFICIENT_PERMISSIONS", null, message, null);
    return ApiErrors.error(
        403, "ACCESS_FAILED", "You do not have access to this resource.", List.of(detail));
  }
}
