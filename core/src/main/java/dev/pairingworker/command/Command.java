package dev.pairingworker.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A validated command. Every ID is a lowercase UUID, so it is safe to place in a URL path.
 *
 * @param transactionId the record key as sent; {@link dev.pairingworker.command.ExternalIds}
 *     sanitises it
 * @param pairingKeyId present for get and delete, null for create
 * @param body the create request body, or null
 * @param expiresAt after this instant the command is answered EXPIRED instead of executed; null =
 *     never
 * @param sessionId the {@code X-Ping-External-Session-ID} header of the record, or null
 */
public record Command(
    String transactionId,
    Op op,
    String environmentId,
    String userId,
    String pairingKeyId,
    ObjectNode body,
    Instant expiresAt,
    String sessionId,
    ReplyRoute route,
    RecordSource source) {

  /** The serialisation unit: at most one call at a time per user, in partition order. */
  public UserKey user() {
    return new UserKey(environmentId, userId);
  }

  /** Identifies one PingOne user across environments. */
  public record UserKey(String environmentId, String userId) {}
}
