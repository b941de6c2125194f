package dev.pairingworker.pingone;

import dev.pairingworker.command.Command;
import dev.pairingworker.command.Op;

/**
 * One pairing-key operation as PingOne sees it. The IDs have been validated as UUIDs by the command decoder.
 *
 * @param body the create body as JSON bytes, or null
 * @param transactionId sanitised as PingOne would, so the audit log shows exactly what the worker sent
 * @param sessionId sanitised likewise, or null
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
        ExternalIds.sanitise(command.transactionId()),
        command.sessionId() == null ? null : ExternalIds.sanitise(command.sessionId()));
  }

  /** The path below the API base, built only from validated UUIDs. */
  String path() {
    String keys = "/environments/" + environmentId + "/users/" + userId + "/pairingKeys";
    return op == Op.CREATE ? keys : keys + "/" + pairingKeyId;
  }
}
