package dev.pairingworker.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pairingworker.support.ProjectRoot;
import dev.pairingworker.support.Schemas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published command schema and the decoder give the same verdict on every value: a corpus of
 * valid commands, each mutated at every position (a value replaced by one of another type, removed,
 * an unknown field added), plus hand-written cases whose rejection must name the field at fault.
 */
class CommandSchemaAgreementTest {
  private static final String ENV = "5a1e0c2d-3b4f-4a6e-8d7c-9f0e1d2c3b4a";
  private static final String USER = "b6b2f190-beb8-4a5d-a4ad-6137df7f993d";
  private static final String KEY = "7487f7a1-47e1-44ce-986d-5ea6c953ef6a";
  private static final String APP = "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";
  private static final String APP2 = "1d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";
  private static final String POLICY = "6f1c2d3e-4a5b-4c6d-9e7f-8091a2b3c4d5";
  private static final ObjectMapper JSON = Json.mapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final CommandDecoder decoder = new CommandDecoder(JSON, "replies");

  static Stream<String> validCommands() {
    return Stream.of(
        "{'op':'create','environmentId':'" + ENV + "','userId':'" + USER + "'}",
        "{'op':'create','environmentId':'" + ENV + "','userId':'" + USER + "','body':{}}",
        create("{'applications':[]}"),
        create("{'applications':[{'id':'" + APP + "'},{'id':'" + APP2 + "'}]}"),
        create("{'applications':[{'id':'" + APP + "'}],'policy':{'id':'" + POLICY + "'}}"),
        create("{'policy':{'id':'" + POLICY + "'}}"),
        "{'op':'create','environmentId':'"
            + ENV
            + "','userId':'"
            + USER
            + "','pairingKeyId':null,'body':null,'expiresAt':null}",
        "{'op':'create','environmentId':'"
            + ENV
            + "','userId':'"
            + USER
            + "','expiresAt':'2026-12-01T09:00:00.123456789+05:30'}",
        "{'op':'get','environmentId':'"
            + ENV
            + "','userId':'"
            + USER
            + "','pairingKeyId':'"
            + KEY
            + "','body':null}",
        "{'op':'delete','environmentId':'"
            + ENV
            + "','userId':'"
            + USER
            + "','pairingKeyId':'"
            + KEY
            + "','expiresAt':'2026-12-01T09:00:00Z'}");
  }

  /** Invalid commands and the field the decoder must name. */
  static Stream<Arguments> invalidCommands() {
    return Stream.of(
        Arguments.of(create("{'note':'hi'}"), "body.note"),
        Arguments.of(create("{'Applications':[]}"), "body.Applications"),
        Arguments.of(create("{'applications':{'id':'" + APP + "'}}"), "body.applications"),
        Arguments.of(create("{'applications':'" + APP + "'}"), "body.applications"),
        Arguments.of(create("{'applications':null}"), "body.applications"),
        Arguments.of(create("{'applications':['" + APP + "']}"), "body.applications[0]"),
        Arguments.of(create("{'applications':[{}]}"), "body.applications[0].id"),
        Arguments.of(create("{'applications':[{'id':null}]}"), "body.applications[0].id"),
        Arguments.of(create("{'applications':[{'id':7}]}"), "body.applications[0].id"),
        Arguments.of(
            create("{'applications':[{'id':'" + APP + "'},{'id':'" + APP.toUpperCase() + "'}]}"),
            "body.applications[1].id"),
        Arguments.of(
            create("{'applications':[{'id':'" + APP + "','name':'x'}]}"),
            "body.applications[0].name"),
        Arguments.of(
            create("{'applications':[{'id':'" + APP + "'},{'id':'" + APP + "'}]}"),
            "body.applications[1].id"),
        Arguments.of(create("{'applications':" + applications(101) + "}"), "body.applications"),
        Arguments.of(create("{'policy':'" + POLICY + "'}"), "body.policy"),
        Arguments.of(create("{'policy':null}"), "body.policy"),
        Arguments.of(create("{'policy':{}}"), "body.policy.id"),
        Arguments.of(create("{'policy':{'id':'" + POLICY + "x'}}"), "body.policy.id"),
        Arguments.of(create("{'policy':{'id':'" + POLICY + "','type':'MFA'}}"), "body.policy.type"),
        Arguments.of(
            "{'op':'get','environmentId':'"
                + ENV
                + "','userId':'"
                + USER
                + "','pairingKeyId':null}",
            "pairingKeyId"),
        Arguments.of(
            "{'op':'create','environmentId':'"
                + ENV
                + "','userId':'"
                + USER
                + "','expiresAt':2026}",
            "expiresAt"));
  }

  @ParameterizedTest
  @MethodSource("validCommands")
  void theSchemaAndTheDecoderAcceptEveryValidCommand(String single) {
    String json = single.replace('\'', '"');
    assertThat(Schemas.errors(Schemas.COMMAND, json)).as(json).isEmpty();
    assertThat(decoder.decode(record(json))).as(json).isInstanceOf(Decoded.Accepted.class);
  }

  @ParameterizedTest
  @MethodSource("invalidCommands")
  void theSchemaAndTheDecoderRejectAnInvalidCommandAndTheDecoderNamesTheField(
      String single, String target) {
    String json = single.replace('\'', '"');
    assertThat(Schemas.errors(Schemas.COMMAND, json)).as(json).isNotEmpty();
    assertThat(decoder.decode(record(json)))
        .as(json)
        .isInstanceOfSatisfying(
            Decoded.Rejected.class,
            r -> {
              assertThat(r.rejection().code()).isEqualTo(Rejection.INVALID_COMMAND);
              assertThat(r.rejection().target()).isEqualTo(target);
            });
  }

  @Test
  void theSchemaAndTheDecoderAgreeOnEveryMutationOfEveryValidCommand() throws Exception {
    List<String> disagreements = new ArrayList<>();
    int checked = 0;
    for (String single : validCommands().toList()) {
      for (JsonNode mutant : mutations(JSON.readTree(single.replace('\'', '"')))) {
        String json = JSON.writeValueAsString(mutant);
        boolean schemaAccepts = Schemas.errors(Schemas.COMMAND, json).isEmpty();
        boolean decoderAccepts = decoder.decode(record(json)) instanceof Decoded.Accepted;
        if (schemaAccepts != decoderAccepts) {
          disagreements.add((schemaAccepts ? "schema only: " : "decoder only: ") + json);
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(500);
    assertThat(disagreements).isEmpty();
  }

  @Test
  void theDecoderAcceptsTheSchemasOwnExamples() throws Exception {
    JsonNode schema =
        JSON.readTree(Files.readString(ProjectRoot.resolve("docs/schemas/command.schema.json")));
    assertThat(schema.get("examples")).hasSizeGreaterThan(2);
    for (JsonNode example : schema.get("examples")) {
      assertThat(decoder.decode(record(example.toString())))
          .as(example.toString())
          .isInstanceOf(Decoded.Accepted.class);
    }
  }

  @ParameterizedTest
  @MethodSource("expiryTimes")
  void theSchemaAndTheDecoderAgreeOnExpiryTimes(String expiresAt) throws Exception {
    ObjectNode command =
        (ObjectNode) JSON.readTree(validCommands().findFirst().orElseThrow().replace('\'', '"'));
    command.put("expiresAt", expiresAt);
    String json = command.toString();
    boolean schemaAccepts = Schemas.errors(Schemas.COMMAND, json).isEmpty();
    assertThat(decoder.decode(record(json)) instanceof Decoded.Accepted)
        .as(json)
        .isEqualTo(schemaAccepts);
  }

  static Stream<String> expiryTimes() {
    return Stream.of(
        "2026-12-01T09:00:00Z",
        "2026-12-01T09:00:00.5Z",
        "2026-12-01T09:00:00+01:00",
        "2026-12-01T09:00:00-00:00",
        "2026-12-01t09:00:00z",
        "2026-12-01T09:00Z",
        "2026-12-01T09:00:00",
        "2026-12-01 09:00:00Z",
        "2026-12-01T09:00:00+0100",
        "2026-12-01T09:00:00+01",
        "2026-12-01T09:00:00+01:00:00",
        "2026-02-30T09:00:00Z",
        "2026-12-01T24:00:00Z",
        "2026-12-01T09:00:00.1234567891Z",
        "+2026-12-01T09:00:00Z",
        "2026-12-01T09:00:00Z[Europe/Paris]",
        "2026-12-31T23:59:60Z",
        "2026-12-01T09:00:00+24:00",
        "2026-12-01T09:00:00.Z",
        "2026-12-01T09:00:001Z",
        "tomorrow",
        "");
  }

  /**
   * Every single-step change of {@code node}: each value swapped, each field dropped, one added.
   */
  private static List<JsonNode> mutations(JsonNode root) {
    List<JsonNode> out = new ArrayList<>();
    collect(root, root, out);
    return out;
  }

  private static void collect(JsonNode root, JsonNode node, List<JsonNode> out) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      List<String> names = fieldNames(object);
      object.put("unexpected", 1);
      out.add(root.deepCopy());
      object.remove("unexpected");
      for (String name : names) {
        JsonNode value = object.get(name);
        object.remove(name);
        out.add(root.deepCopy());
        for (JsonNode replacement : replacements()) {
          object.set(name, replacement);
          out.add(root.deepCopy());
        }
        object.set(name, value);
        collect(root, value, out);
      }
      reorder(object, names);
    } else if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        JsonNode value = array.get(i);
        for (JsonNode replacement : replacements()) {
          array.set(i, replacement);
          out.add(root.deepCopy());
        }
        array.set(i, value);
        collect(root, value, out);
      }
      if (!array.isEmpty()) {
        array.add(array.get(0).deepCopy());
        out.add(root.deepCopy());
        array.remove(array.size() - 1);
      }
    }
  }

  /** Puts fields back in their original order after remove/set moved one to the end. */
  private static void reorder(ObjectNode object, List<String> names) {
    ObjectNode copy = object.deepCopy();
    object.removeAll();
    names.forEach(name -> object.set(name, copy.get(name)));
  }

  private static List<String> fieldNames(ObjectNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<JsonNode> replacements() {
    return List.of(
        NODES.nullNode(),
        NODES.numberNode(7),
        NODES.booleanNode(true),
        NODES.textNode(""),
        NODES.textNode("create"),
        NODES.textNode("get"),
        NODES.textNode(KEY),
        NODES.textNode(KEY.toUpperCase()),
        NODES.textNode(KEY + "/.."),
        NODES.textNode("2026-12-01T09:00:00Z"),
        NODES.arrayNode(),
        NODES.arrayNode().add(NODES.objectNode().put("id", APP)),
        NODES.objectNode(),
        NODES.objectNode().put("id", POLICY));
  }

  private static String create(String body) {
    return "{'op':'create','environmentId':'"
        + ENV
        + "','userId':'"
        + USER
        + "','body':"
        + body
        + "}";
  }

  private static String applications(int count) {
    StringBuilder list = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      list.append(i == 0 ? "" : ",")
          .append(String.format("{'id':'%08x-0000-4000-8000-000000000000'}", i));
    }
    return list.append(']').toString();
  }

  private static ConsumerRecord<byte[], byte[]> record(String value) {
    return new ConsumerRecord<>(
        "commands",
        0,
        42,
        "tx".getBytes(StandardCharsets.UTF_8),
        value.getBytes(StandardCharsets.UTF_8));
  }
}
