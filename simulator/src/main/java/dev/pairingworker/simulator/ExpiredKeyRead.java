package dev.pairingworker.simulator;

/**
 * What reading (or deleting) an expired pairing key answers. PingOne's behaviour is unconfirmed
 * (the reference, "Resource"), so it is a setting.
 */
public enum ExpiredKeyRead {
  /** The key is gone: read and delete answer 404 NOT_FOUND (the default). */
  NOT_FOUND,
  /**
   * The key stays until deleted: read answers 200 with the resource as it was (status {@code
   * UNCLAIMED}, {@code expiresAt} in the past), delete answers 204. It no longer counts towards the
   * user's limit.
   */
  STALE_RESOURCE
}
