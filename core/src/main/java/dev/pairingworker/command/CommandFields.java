package dev.pairingworker.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and validates the fields of a command value. Unknown fields are rejected rather than
 * ignored: a misspelt {@code expiresAt} silently ignored would execute a command its sender meant
 * to expire.
 */
final class CommandFields {
  /** Largest {@code body}, serialised: a pairing-key create body is a few hundred bytes. */
  static final int MAX_BODY_BYTES = 8 * 1024;

  private static final Set<String> KNOWN =
      Set.of("op", "environmentId", "userId", "pairingKeyId", "body", "expiresAt");

  /** Signals the first invalid field; caught within this class only. */
  private static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Rejection rejection;

    Invalid(String target, String message) {
      this(Rejection.command(target, message));
    }

    Invalid(Rejection rejection) {
      super(rejection.message(), null, false, false);
      this.rejection = rejection;
    }
  }

  Decoded read(
      JsonNode tree,
      String transactionId,
      String sessionId,
      ReplyRoute route,
      RecordSource source) {
    String opName = tree.path("op").isTextual() ? tree.path("op").asText() : null;
    try {
      Command command = command(tree, transactionId, sessionId, route, source);
      return new Decoded.Accepted(command);
    } catch (Invalid e) {
      return new Decoded.Rejected(e.rejection, transactionId, opName, route, source);
    }
  }

  private Command command(
      JsonNode tree, String transactionId, String sessionId, ReplyRoute route, RecordSource source)
      throws Invalid {
    if (!tree.isObject()) {
      throw new Invalid("value", "the value must be a JSON object");
    }
    rejectUnknownFields(tree);
    Op op = op(tree);
    String environmentId = uuid(tree, "environmentId");
    String userId = uuid(tree, "userId");
    String pairingKeyId = null;
    if (op.needsPairingKeyId()) {
      pairingKeyId = uuid(tree, "pairingKeyId");
    } else if (present(tree, "pairingKeyId")) {
      throw new Invalid("pairingKeyId", "pairingKeyId is not allowed for create");
    }
    ObjectNode body = body(tree, op);
    Instant expiresAt = expiresAt(tree);
    return new Command(
        transactionId,
        op,
        environmentId,
        userId,
        pairingKeyId,
        body,
        expiresAt,
        sessionId,
        route,
        source);
  }

  private static void rejectUnknownFields(JsonNode tree) throws Invalid {
    for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KNOWN.contains(name)) {
        throw new Invalid(clip(name), "unknown field '" + clip(name) + "'");
      }
    }
  }

  private static Op op(JsonNode tree) throws Invalid {
    JsonNode node = tree.get("op");
    if (node == null || node.isNull()) {
      throw new Invalid("op", "op is required (create, get or delete)");
    }
    Optional<Op> op = node.isTextual() ? Op.fromWire(node.asText()) : Optional.empty();
    return op.orElseThrow(() -> new Invalid("op", "op must be one of create, get, delete"));
  }

  private static String uuid(JsonNode tree, String field) throws Invalid {
    JsonNode node = tree.get(field);
    if (node == null || node.isNull()) {
      throw new Invalid(field, field + " is required");
    }
    if (!node.isTextual() || !Text.UUID.matcher(node.asText()).matches()) {
      throw new Invalid(field, field + " must be a lowercase UUID");
    }
    return node.asText();
  }

  private static ObjectNode body(JsonNode tree, Op op) throws Invalid {
    JsonNode node = tree.get("body");
    if (node == null || node.isNull()) {
      return null;
    }
    if (op != Op.CREATE) {
      throw new Invalid("body", "body is only allowed for create");
    }
    if (!node.isObject()) {
      throw new Invalid("body", "body must be a JSON object");
    }
    if (node.toString().getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
      throw new Invalid("body", "body must be at most " + MAX_BODY_BYTES + " bytes as JSON");
    }
    Rejection problem = CreateBodyRules.problem(node);
    if (problem != null) {
      throw new Invalid(problem);
    }
    return (ObjectNode) node;
  }

  private static Instant expiresAt(JsonNode tree) throws Invalid {
    JsonNode node = tree.get("expiresAt");
    if (node == null || node.isNull()) {
      return null;
    }
    return Optional.of(node)
        .filter(JsonNode::isTextual)
        .flatMap(text -> Text.dateTime(text.textValue()))
        .orElseThrow(
            () ->
                new Invalid("expiresAt", "expiresAt must be an RFC 3339 date-time with an offset"));
  }

  /**
   * An optional field counts as absent when it is null, as serialisers such as Jackson write unset
   * fields by default.
   */
  private static boolean present(JsonNode tree, String field) {
    JsonNode node = tree.get(field);
    return node != null && !node.isNull();
  }

  /** A field name from the command, fit for a reply, a dead-letter header and a log line. */
  static String clip(String s) {
    String shown = s.length() <= 64 ? s : s.substring(0, 64) + "…";
    return Text.hasControlCharacters(shown)
        ? shown
            .codePoints()
            .map(c -> Character.isISOControl(c) ? '?' : c)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString()
        : shown;
  }
}
