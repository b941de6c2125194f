package dev.pairingworker.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One entry of an error body's {@code details}.
 *
 * @param code the detail code, e.g. {@code INVALID_VALUE}
 * @param target the offending field, e.g. {@code applications[0].id}; {@code null} when none
 * @param message a human-readable explanation
 * @param innerError extra facts such as {@code allowedPattern}; {@code null} when none
 */
record ErrorDetail(String code, String target, String message, ObjectNode innerError) {

  static ErrorDetail invalidUuid(String target) {
    ObjectNode inner = SimulatorJson.object().put("allowedPattern", Ids.ALLOWED_PATTERN);
    return new ErrorDetail("INVALID_VALUE", target, "Must be a valid UUID.", inner);
  }

  ObjectNode toJson() {
    ObjectNode node = SimulatorJson.object().put("code", code);
    if (target != null) {
      node.put("target", target);
    }
    node.put("message", message);
    if (innerError != null) {
      node.set("innerError", innerError);
    }
    return node;
  }
}
