package dev.pairingworker.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Create, read and delete of {@code /environments/{e}/users/{u}/pairingKeys[/{k}]}, for a caller
 * whose token was already accepted. Checks run in the order a gateway would apply them: method
 * (405), path ids (400 INVALID_REQUEST — a malformed id is a bad request, not an absent resource),
 * access ({@link AccessCheck}: 403, then 404 for an unknown environment or user), content type
 * (415), body (400 INVALID_DATA, {@link CreateRequest} and {@link CreateReferences}), then the
 * store (404, or 400 SIZE_LIMIT_EXCEEDED).
 */
final class PairingKeyEndpoint {
  private final PairingKeyStore store;
  private final PairingKeyJson json;
  private final AccessCheck access;
  private final boolean lenient;

  PairingKeyEndpoint(
      PairingKeyStore store, PairingKeyJson json, AccessCheck access, boolean lenient) {
    this.store = store;
    this.json = json;
    this.access = access;
    this.lenient = lenient;
  }

  /** {@code /pairingKeys}: POST only. */
  SimResponse collection(SimRequest request, String environmentId, String userId) {
    if (!request.method().equals("POST")) {
      return ApiErrors.methodNotAllowed("POST");
    }
    List<ErrorDetail> badIds = checkIds(environmentId, userId, null);
    if (!badIds.isEmpty()) {
      return ApiErrors.invalidRequest(badIds);
    }
    AccessCheck.Verdict verdict = access.check(request, environmentId, userId);
    if (verdict instanceof AccessCheck.Denied denied) {
      return denied.response();
    }
    return create(request, ((AccessCheck.Allowed) verdict).environment(), userId);
  }

  /** {@code /pairingKeys/{k}}: GET and DELETE. */
  SimResponse item(SimRequest request, String environmentId, String userId, String keyId) {
    String method = request.method();
    if (!method.equals("GET") && !method.equals("DELETE")) {
      return ApiErrors.methodNotAllowed("GET, DELETE");
    }
    List<ErrorDetail> badIds = checkIds(environmentId, userId, keyId);
    if (!badIds.isEmpty()) {
      return ApiErrors.invalidRequest(badIds);
    }
    if (access.check(request, environmentId, userId) instanceof AccessCheck.Denied denied) {
      return denied.response();
    }
    if (method.equals("DELETE")) {
      return store.delete(environmentId, userId, keyId)
          ? SimResponse.empty(204)
          : ApiErrors.notFound();
    }
    return store
        .find(environmentId, userId, keyId)
        .map(key -> SimResponse.json(200, json.render(key)))
        .orElseGet(ApiErrors::notFound);
  }

  private SimResponse create(SimRequest request, EnvironmentState environment, String userId) {
    // Ping's clients always send a JSON Content-Type; a body without one is refused, no body at all
    // is fine.
    String contentType = request.header("Content-Type");
    if (contentType == null ? request.hasBody() : !MediaTypes.isJson(contentType)) {
      return ApiErrors.unsupportedMediaType();
    }
    CreateRequest.Parsed parsed = CreateRequest.parse(request, !lenient);
    if (parsed instanceof CreateRequest.Invalid invalid) {
      return ApiErrors.invalidData(invalid.details());
    }
    CreateRequest body = ((CreateRequest.Valid) parsed).request();
    CreateReferences.Resolution resolution = CreateReferences.resolve(environment, body, lenient);
    if (resolution instanceof CreateReferences.Unresolved unresolved) {
      return ApiErrors.invalidData(unresolved.details());
    }
    PolicySeed policy = ((CreateReferences.Resolved) resolution).policy();
    PairingKeyStore.CreateOutcome outcome =
        store.create(environment.id(), userId, body.applicationIds(), policy);
    if (outcome instanceof PairingKeyStore.LimitReached limit) {
      return ApiErrors.invalidData(List.of(sizeLimitExceeded(limit.limit())));
    }
    return SimResponse.json(201, json.render(((PairingKeyStore.Created) outcome).key()));
  }

  /** PingOne's error for the key beyond the limit is unconfirmed; this is the plausible shape. */
  private static ErrorDetail sizeLimitExceeded(int limit) {
    return new ErrorDetail(
        "SIZE_LIMIT_EXCEEDED",
        "pairingKeys",
        "The user already has the maximum number of valid pairing keys (" + limit + ").",
        SimulatorJson.object().put("maximumValue", limit));
  }

  private static List<ErrorDetail> checkIds(String environmentId, String userId, String keyId) {
    List<ErrorDetail> details = new ArrayList<>();
    addIfInvalid(details, environmentId, "environmentId");
    addIfInvalid(details, userId, "userId");
    if (keyId != null) {
      addIfInvalid(details, keyId, "pairingKeyId");
    }
    return details;
  }

  private static void addIfInvalid(List<ErrorDetail> details, String id, String target) {
    if (!Ids.isValid(id)) {
      details.add(ErrorDetail.invalidUuid(target));
    }
  }
}
