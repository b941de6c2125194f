package dev.pairingworker.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Create, read and delete of {@code /environments/{e}/users/{u}/pairingKeys[/{k}]}, for a caller
 * whose token was already accepted. Checks run in the order a gateway would apply them: method
 * (405), path ids (400 INVALID_REQUEST — a malformed id is a bad request, not an absent resource),
 * content type (415), body (400 INVALID_DATA), then the store (404, or 400 SIZE_LIMIT_EXCEEDED).
 */
final class PairingKeyEndpoint {
  private final PairingKeyStore store;
  private final PairingKeyJson json;

  PairingKeyEndpoint(PairingKeyStore store, PairingKeyJson json) {
    this.store = store;
    this.json = json;
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
    return create(request, environmentId, userId);
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

  private SimResponse create(SimRequest request, String environmentId, String userId) {
    // Ping's clients always send a JSON Content-Type; a body without one is refused, no body at all
    // is fine.
    String contentType = request.header("Content-Type");
    if (contentType == null ? request.hasBody() : !MediaTypes.isJson(contentType)) {
      return ApiErrors.unsupportedMediaType();
    }
    CreateRequest.Parsed parsed = CreateRequest.parse(request);
    if (parsed instanceof CreateRequest.Invalid invalid) {
      return ApiErrors.invalidData(invalid.details());
    }
    CreateRequest body = ((CreateRequest.Valid) parsed).request();
    PairingKeyStore.CreateOutcome outcome =
        store.create(environmentId, userId, body.applicationIds());
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
