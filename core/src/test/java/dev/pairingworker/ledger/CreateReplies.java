package dev.pairingworker.ledger;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pairingworker.command.RecordSource;
import dev.pairingworker.command.Reply;
import dev.pairingworker.command.ReplyStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Successful create replies shaped as the worker publishes them, with PingOne's pairing key. */
final class CreateReplies {
  private static final String API = "https://api.pingone.eu/v1";

  private CreateReplies() {}

  static Reply succeeded(String transactionId, String code, Instant at) {
    String environmentId = UUID.randomUUID().toString();
    String userId = UUID.randomUUID().toString();
    String keyId = UUID.randomUUID().toString();
    String environment = API + "/environments/" + environmentId;
    String user = environment + "/users/" + userId;
    ObjectNode key = JsonNodeFactory.instance.objectNode();
    ObjectNode links = key.putObject("_links");
    links.putObject("self").put("href", user + "/pairingKeys/" + keyId);
    links.putObject("environment").put("href", environment);
    links.putObject("user").put("href", user);
    key.put("id", keyId);
    key.putObject("environment").put("id", environmentId);
    key.putObject("user").put("id", userId);
    key.put("code", code);
    key.put("status", "UNCLAIMED");
    key.putArray("applications");
    key.put("createdAt", at.toString());
    key.put("updatedAt", at.toString());
    key.put("expiresAt", at.plus(Duration.ofMinutes(10)).toString());
    return new Reply(
        transactionId,
        transactionId,
        "create",
        ReplyStatus.SUCCEEDED,
        201,
        key,
        null,
        1,
        null,
        null,
        null,
        null,
        UUID.randomUUID().toString(),
        environmentId,
        userId,
        null,
        new RecordSource("pingone.pairing-keys.commands", 3, 1_234_567),
        at,
        42L,
        null,
        null);
  }
}
