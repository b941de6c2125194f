package dev.pairingworker.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The optional create body {@code {"applications": [{"id": UUID}], "policy": {"id": UUID}}}.
 * Unknown fields are ignored, as PingOne ignores them. The policy is validated but not stored: the
 * resource does not show it.
 *
 * @param applicationIds the application ids, in the order given; empty when none
 */
record CreateRequest(List<String> applicationIds) {

  /** Either a usable request or the validation details for a 400 INVALID_DATA. */
  sealed interface Parsed {}

  record Valid(CreateRequest request) implements Parsed {}

  record Invalid(List<ErrorDetail> details) implements Parsed {}

  static Parsed parse(SimRequest request) {
    if (!request.hasBody()) {
      return new Valid(new CreateRequest(List.of()));
    }
    JsonNode root;
    try {
      root = SimulatorJson.read(request.body());
    } catch (IOException e) {
      return invalid(
          new ErrorDetail("INVALID_VALUE", null, "The request body is not valid JSON.", null));
    }
    if (root == null || !root.isObject()) {
      return invalid(
          new ErrorDetail("INVALID_VALUE", null, "The request body must be a JSON object.", null));
    }
    List<ErrorDetail> details = new ArrayList<>();
    List<String> applicationIds = applications(root.get("applications"), details);
    checkPolicy(root.get("policy"), details);
    return details.isEmpty() ? new Valid(new CreateRequest(applicationIds)) : new Invalid(details);
  }

  private static List<String> applications(JsonNode node, List<ErrorDetail> details) {
    List<String> ids = new ArrayList<>();
    if (node == null || node.isNull()) {
      return ids;
    }
    if (!node.isArray()) {
      details.add(new ErrorDetail("INVALID_VALUE", "applications", "Must be an array.", null));
      return ids;
    }
    for (int i = 0; i < node.size(); i++) {
      String id = idOf(node.get(i), "applications[" + i + "]", details);
      if (id != null) {
        ids.add(id);
      }
    }
    return ids;
  }

  private static void checkPolicy(JsonNode node, List<ErrorDetail> details) {
    if (node != null && !node.isNull()) {
      idOf(node, "policy", details);
    }
  }

  /** The {@code id} of an {@code {"id": UUID}} object, or null after adding a detail. */
  private static String idOf(JsonNode node, String target, List<ErrorDetail> details) {
    if (!node.isObject()) {
      details.add(new ErrorDetail("INVALID_VALUE", target, "Must be an object with an id.", null));
      return null;
    }
    JsonNode id = node.get("id");
    if (id == null || id.isNull()) {
      details.add(new ErrorDetail("REQUIRED_VALUE", target + ".id", "An id is required.", null));
      return null;
    }
    if (!id.isTextual() || !Ids.isValid(id.textValue())) {
      details.add(ErrorDetail.invalidUuid(target + ".id"));
      return null;
    }
    return id.textValue();
  }

  private static Parsed invalid(ErrorDetail detail) {
    return new Invalid(List.of(detail));
  }
}
