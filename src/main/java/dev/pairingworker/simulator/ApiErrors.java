package dev.pairingworker.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  static SimResponse error(int status, String code, String message, List<ErrorDetail> details) {
    ObjectNode body = Json.object().put("id", Ids.random()).put("code", code);
    body.put("message", PREFIX + message);
    if (!details.isEmpty()) {
      ArrayNode array = body.putArray("details");
      details.forEach(detail -> array.add(detail.toJson()));
    }
    return SimResponse.json(status, body);
  }
}
