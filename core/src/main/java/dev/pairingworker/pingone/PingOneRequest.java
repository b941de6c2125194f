package dev.pairingworker.pingone;

import dev.pairingworker.command.Command;
import dev.pairingworker.command.ExternalIds;
import dev.pairingworker.command.Op;

/**
 * One pairing-key operation as PingOne sees it. The IDs have been validated as UUIDs by the command
 * decoder.
 *
 * @param body the create body as JSON bytes, or null
 * @param transactionId the key as {@link ExternalIds#forHeader} makes it: exactly what PingOne
 *     records
 * @param sessionId likewise, or null
 */
public record PingOneRequest(
    Op op,
    String environmentId,
    String userId,
    String pairingKeyId,
    byte[] body,
    String transactionId,
    String sessionId) {

  public static PingOneRequest of(Command command, byte[] body) {
    return new PingOneRequest(
        command.op(),
        command.environmentId(),
        command.userId(),
        command.pairingKeyId(),
        body,
        ExternalIds.forHeader(command.transactionId()),
        command.sessionId() == null ? null : ExternalIds.forHeader(command.sessionId()));
  }

  /** The path below the API base, built only from validated UUIDs. */
  String path() {
    String keys = "/environments/" + environmentId + "/users/" + userId + "/pairingKeys";
    return op == Op.CREATE ? keys : keys + "/" + pairingKeyId;
  }
}
