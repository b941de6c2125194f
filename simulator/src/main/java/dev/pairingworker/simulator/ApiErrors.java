package dev.pairingworker.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;

/**
 * PingOne's API error bodies: {@code {"id", "code", "message", "details"?}}. Codes and messages
 * follow the reference; where PingOne's exact text is unknown (401, 405, 415) the wording is a
 * plausible stand-in. Clients should classify by HTTP status first, as Ping advises.
 */
final class ApiErrors {
  private static final String PREFIX = "The request could not be completed. ";

  private ApiErrors() {}

  static SimResponse notFound() {
    return error(404, "NOT_FOUND", "The requested resource was not found.", List.of());
  }

  static SimResponse invalidToken() {
    ErrorDetail detail =
        new ErrorDetail(
            "INVALID_TOKEN", null, "The access token is missing, invalid or expired.", null);
    return error(401, "ACCESS_FAILED", "You do not have access to this resource.", List.of(detail))
        .withHeader("WWW-Authenticate", "Bearer");
  }

  static SimResponse invalidRequest(List<ErrorDetail> details) {
    return error(400, "INVALID_REQUEST", "The request was malformed or invalid.", details);
  }

  static SimResponse invalidData(List<ErrorDetail> details) {
    return error(
        400, "INVALID_DATA", "One or more validation errors were in the request.", details);
  }

  /**
   * PingOne's code for 405 is not documented; {@code METHOD_NOT_ALLOWED} is the plausible choice.
   */
  static SimResponse methodNotAllowed(String allowed) {
    return error(405, "METHOD_NOT_ALLOWED", "The request method is not allowed.", List.of())
        .withHeader("Allow", allowed);
  }

  static SimResponse unsupportedMediaType() {
    return error(415, "INVALID_REQUEST", "The request content type is not supported.", List.of());
  }

  static SimResponse unexpected() {
    return error(500, "UNEXPECTED_ERROR", "An unexpected error occurred.", List.of());
  }

  /**
   * A wait as {@code Retry-After} seconds: rounded up, since rounding down would invite a retry
   * that fails again, and at least 1.
   */
  static int retryAfterSeconds(Duration wait) {
    long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
    return (int) Math.max(1, seconds);
  }

  /**
   * 429 as PingOne's gateway sends it: the wait appears both in {@code Retry-After} and in the
   * detail's {@code innerError.retryAfter}.
   */
  static SimResponse rateLimited(int retryAfterSeconds) {
    ErrorDetail detail =
        new ErrorDetail(
            "LIMIT_EXCEEDED",
            null,
            "The request rate limit has been exceeded. Retry after " + retryAfterSeconds + " s.",
            SimulatorJson.object().put("retryAfter", retryAfterSeconds));
    return error(429, "REQUEST_LIMITED", "The request was rate limited.", List.of(detail))
        .withHeader("Retry-After", Integer.toString(retryAfterSeconds));
  }

  /** Ping documents no body for 502; any PingOne-shaped error will do. */
  static SimResponse badGateway() {
    return error(
        502, "BAD_GATEWAY", "The upstream service returned an invalid response.", List.of());
  }

  static SimResponse unavailable() {
    return error(503, "SERVICE_UNAVAILABLE", "The service is temporarily unavailable.", List.of());
  }

  static SimResponse unavailable(int retryAfterSeconds) {
    return unavailable().withHeader("Retry-After", Integer.toString(retryAfterSeconds));
  }

  static SimResponse gatewayTimeout() {
    return error(504, "GATEWAY_TIMEOUT", "The upstream service did not answer in time.", List.of());
  }

  static SimResponse error(int status, String code, String message, List<ErrorDetail> details) {
    ObjectNode body = SimulatorJson.object().put("id", Ids.random()).put("code", code);
    body.put("message", PREFIX + message);
    if (!details.isEmpty()) {
      ArrayNode array = body.putArray("details");
      details.forEach(detail -> array.add(detail.toJson()));
    }
    return SimResponse.json(status, body);
  }
}
