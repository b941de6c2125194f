package dev.pairingworker.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Renders a pairing key exactly as PingOne's create and read return it. */
final class PairingKeyJson {
  /** Always three fraction digits, as PingOne writes them (ISO_INSTANT would drop zero millis). */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final String apiBase;

  PairingKeyJson(URI apiBaseUrl) {
    this.apiBase = apiBaseUrl.toString();
  }

  ObjectNode render(PairingKey key) {
    String environment = apiBase + "/environments/" + key.environmentId();
    String user = environment + "/users/" + key.userId();
    ObjectNode node = SimulatorJson.object();
    ObjectNode links = node.putObject("_links");
    links.putObject("self").put("href", user + "/pairingKeys/" + key.id());
    links.putObject("environment").put("href", environment);
    links.putObject("user").put("href", user);
    node.put("id", key.id());
    node.putObject("environment").put("id", key.environmentId());
    node.putObject("user").put("id", key.userId());
    node.put("code", key.code());
    node.put("status", key.status());
    ArrayNode applications = node.putArray("applications");
    key.applicationIds().forEach(id -> applications.addObject().put("id", id));
    node.put("createdAt", format(key.createdAt()));
    node.put("updatedAt", format(key.updatedAt()));
    node.put("expiresAt", format(key.expiresAt()));
    return node;
  }

  static String format(Instant instant) {
    return TIMESTAMP.format(instant);
  }
}
