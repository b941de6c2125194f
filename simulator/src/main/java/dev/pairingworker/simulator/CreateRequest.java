package dev.pairingworker.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The optional create body {@code {"applications": [{"id": UUID}], "policy": {"id": UUID}}}. A
 * strict tenant refuses any other field (400 INVALID_DATA, detail INVALID_VALUE naming it); a
 * lenient one ignores them. Ids must be lowercase UUIDs either way; whether they exist is {@link
 * CreateReferences}'s question.
 *
 * @param applicationIds the application ids, in the order given; empty when none
 * @param policyId the policy id, or {@code null} for the environment's default policy
 */
record CreateRequest(List<String> applicationIds, String policyId) {
  private static final Set<String> FIELDS = Set.of("applications", "policy");
  private static final Set<String> REFERENCE_FIELDS = Set.of("id");

  /** Either a usable request or the validation details for a 400 INVALID_DATA. */
  sealed interface Parsed {}

  record Valid(CreateRequest request) implements Parsed {}

  record Invalid(List<ErrorDetail> details) implements Parsed {}

  static Parsed parse(SimRequest request, boolean refuseUnknownFields) {
    if (!request.hasBody()) {
      return new Valid(new CreateRequest(List.of(), null));
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
    if (refuseUnknownFields) {
      unknownFields(root, FIELDS, "", details);
      JsonNode applications = root.path("applications");
      for (int i = 0; i < applications.size(); i++) {
        unknownFields(applications.get(i), REFERENCE_FIELDS, "applications[" + i + "].", details);
      }
      unknownFields(root.path("policy"), REFERENCE_FIELDS, "policy.", details);
    }
    List<String> applicationIds = applications(root.get("applications"), details);
    String policyId = policy(root.get("policy"), details);
    return details.isEmpty()
        ? new Valid(new CreateRequest(applicationIds, policyId))
        : new Invalid(details);
  }

  private static void unknownFields(
      JsonNode node, Set<String> known, String prefix, List<ErrorDetail> details) {
    if (!node.isObject()) {
      return;
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        details.add(
            new ErrorDetail("INVALID_VALUE", prefix + name, "Unknown field " + name + ".", null));
      }
    }
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

  private static String policy(JsonNode node, List<ErrorDetail> details) {
    return node == null || node.isNull() ? null : idOf(node, "policy", details);
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
