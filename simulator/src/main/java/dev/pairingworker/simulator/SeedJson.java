package dev.pairingworker.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The seed file's JSON: {@code {"environments": [{"id", "users": [...], "applications": [...],
 * "policies": [...]}]}}. Unknown fields are refused, so a typo is an error and not a silently
 * missing application. Every failure names where it is, e.g. {@code
 * environments[0].applications[1].tokenEndpointAuthMethod}.
 */
final class SeedJson {
  private static final Set<String> SEED_FIELDS = Set.of("environments");
  private static final Set<String> ENVIRONMENT_FIELDS =
      Set.of("id", "users", "applications", "policies");
  private static final Set<String> APPLICATION_FIELDS =
      Set.of(
          "id",
          "kind",
          "clientId",
          "clientSecret",
          "tokenEndpointAuthMethod",
          "publicKey",
          "mfaRole");
  private static final Set<String> POLICY_FIELDS =
      Set.of("id", "keyFormat", "keyLifetime", "default");

  private SeedJson() {}

  static TenantSeed parse(String json, String source) {
    JsonNode root;
    try {
      root = SimulatorJson.read(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": not valid JSON: " + e.getMessage(), e);
    }
    try {
      object(root, source, SEED_FIELDS);
      List<EnvironmentSeed> environments = new ArrayList<>();
      JsonNode list = root.path("environments");
      for (int i = 0; i < list.size(); i++) {
        environments.add(environment(list.get(i), "environments[" + i + "]"));
      }
      return new TenantSeed(environments);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static EnvironmentSeed environment(JsonNode node, String at) {
    object(node, at, ENVIRONMENT_FIELDS);
    Set<String> users = new LinkedHashSet<>();
    node.path("users").forEach(user -> users.add(text(user, at + ".users[]")));
    List<ApplicationSeed> applications = new ArrayList<>();
    JsonNode apps = node.path("applications");
    for (int i = 0; i < apps.size(); i++) {
      applications.add(application(apps.get(i), at + ".applications[" + i + "]"));
    }
    List<PolicySeed> policies = new ArrayList<>();
    JsonNode list = node.path("policies");
    for (int i = 0; i < list.size(); i++) {
      policies.add(policy(list.get(i), at + ".policies[" + i + "]"));
    }
    return new EnvironmentSeed(text(node.get("id"), at + ".id"), users, applications, policies);
  }

  private static ApplicationSeed application(JsonNode node, String at) {
    object(node, at, APPLICATION_FIELDS);
    String id = text(node.get("id"), at + ".id");
    ApplicationKind kind =
        constant(ApplicationKind.class, node.path("kind").asText("WORKER"), at + ".kind");
    SeededAuthMethod method =
        kind == ApplicationKind.NATIVE
            ? null
            : constant(
                SeededAuthMethod.class,
                node.path("tokenEndpointAuthMethod").asText("CLIENT_SECRET_BASIC"),
                at + ".tokenEndpointAuthMethod");
    String clientId = kind == ApplicationKind.NATIVE ? null : node.path("clientId").asText(id);
    return new ApplicationSeed(
        id,
        kind,
        clientId,
        node.path("clientSecret").asText(null),
        method,
        node.path("publicKey").asText(null),
        node.path("mfaRole").asBoolean(false));
  }

  private static PolicySeed policy(JsonNode node, String at) {
    object(node, at, POLICY_FIELDS);
    Duration lifetime;
    try {
      lifetime = Duration.parse(node.path("keyLifetime").asText("PT10M"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          at + ".keyLifetime must be an ISO-8601 duration such as PT10M", e);
    }
    return new PolicySeed(
        text(node.get("id"), at + ".id"),
        constant(
            PairingKeyFormat.class, node.path("keyFormat").asText("NUMERIC"), at + ".keyFormat"),
        lifetime,
        node.path("default").asBoolean(false));
  }

  private static void object(JsonNode node, String at, Set<String> allowed) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(at + " must be an object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException(at + "." + name + " is not a known field");
      }
    }
  }

  private static String text(JsonNode node, String at) {
    if (node == null || !node.isTextual()) {
      throw new IllegalArgumentException(at + " must be a string");
    }
    return node.textValue();
  }

  private static <E extends Enum<E>> E constant(Class<E> type, String value, String at) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          at
              + " must be one of "
              + java.util.Arrays.toString(type.getEnumConstants())
              + ": "
              + value,
          e);
    }
  }

  static String write(TenantSeed seed) {
    ObjectNode root = SimulatorJson.object();
    ArrayNode environments = root.putArray("environments");
    for (EnvironmentSeed environment : seed.environments()) {
      ObjectNode env = environments.addObject().put("id", environment.id());
      ArrayNode users = env.putArray("users");
      environment.users().stream().sorted().forEach(users::add);
      ArrayNode applications = env.putArray("applications");
      environment.applications().forEach(app -> applications.add(application(app)));
      ArrayNode policies = env.putArray("policies");
      for (PolicySeed policy : environment.policies()) {
        policies
            .addObject()
            .put("id", policy.id())
            .put("keyFormat", policy.keyFormat().name())
            .put("keyLifetime", policy.keyLifetime().toString())
            .put("default", policy.isDefault());
      }
    }
    return new String(SimulatorJson.write(root), StandardCharsets.UTF_8);
  }

  private static ObjectNode application(ApplicationSeed app) {
    ObjectNode node = SimulatorJson.object().put("id", app.id()).put("kind", app.kind().name());
    if (app.kind() == ApplicationKind.WORKER) {
      node.put("clientId", app.clientId());
      node.put("tokenEndpointAuthMethod", app.authMethod().name());
      if (app.clientSecret() != null) {
        node.put("clientSecret", app.clientSecret());
      }
      if (app.publicKeyPem() != null) {
        node.put("publicKey", app.publicKeyPem());
      }
      node.put("mfaRole", app.mfaRole());
    }
    return node;
  }
}
