package dev.pairingworker.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The create body PingOne defines, {@code {"applications": [{"id": UUID}], "policy": {"id":
 * UUID}}}, checked before PingOne is called: a body PingOne would ignore in part (an unknown or
 * misspelt field) or refuse is REJECTED instead, naming the field the way PingOne's {@code
 * details[].target} does, under {@code body.} (e.g. {@code body.applications[0].id}).
 *
 * <p>Duplicate application ids are refused: PingOne's answer to them is not documented, and a list
 * naming one app twice is a sender's mistake either way. At most {@link #MAX_APPLICATIONS}
 * applications, which keeps every valid body far below {@link CommandFields#MAX_BODY_BYTES}, so the
 * byte limit never refuses a body the command schema accepts.
 */
final class CreateBodyRules {
  /** The most applications one key may name; an environment rarely has more than a few. */
  static final int MAX_APPLICATIONS = 100;

  private static final Set<String> FIELDS = Set.of("applications", "policy");
  private static final Set<String> REFERENCE_FIELDS = Set.of("id");

  private CreateBodyRules() {}

  /** The first thing wrong with {@code body} (a JSON object), or null when PingOne defines it. */
  static Rejection problem(JsonNode body) {
    Rejection problem = unknownField(body, FIELDS, "body");
    if (problem == null && body.has("applications")) {
      problem = applications(body.get("applications"));
    }
    if (problem == null && body.has("policy")) {
      problem = reference(body.get("policy"), "body.policy");
    }
    return problem;
  }

  private static Rejection applications(JsonNode node) {
    String path = "body.applications";
    if (!node.isArray()) {
      return Rejection.command(path, path + " must be an array of {\"id\": UUID} objects");
    }
    if (node.size() > MAX_APPLICATIONS) {
      return Rejection.command(
          path, path + " must name at most " + MAX_APPLICATIONS + " applications");
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < node.size(); i++) {
      String item = path + "[" + i + "]";
      Rejection problem = reference(node.get(i), item);
      if (problem != null) {
        return problem;
      }
      Integer first = seen.putIfAbsent(node.get(i).get("id").textValue(), i);
      if (first != null) {
        return Rejection.command(
            item + ".id", item + ".id duplicates " + path + "[" + first + "].id");
      }
    }
    return null;
  }

  /** An {@code {"id": UUID}} object: PingOne's reference to another resource. */
  private static Rejection reference(JsonNode node, String path) {
    if (!node.isObject()) {
      return Rejection.command(path, path + " must be an object {\"id\": UUID}");
    }
    Rejection problem = unknownField(node, REFERENCE_FIELDS, path);
    if (problem != null) {
      return problem;
    }
    JsonNode id = node.get("id");
    if (id == null) {
      return Rejection.command(path + ".id", path + ".id is required");
    }
    if (!id.isTextual() || !Text.UUID.matcher(id.textValue()).matches()) {
      return Rejection.command(path + ".id", path + ".id must be a lowercase UUID");
    }
    return null;
  }

  private static Rejection unknownField(JsonNode node, Set<String> known, String path) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        return Rejection.command(
            path + "." + CommandFields.clip(name),
            "unknown field '" + CommandFields.clip(name) + "' in " + path);
      }
    }
    return null;
  }
}
