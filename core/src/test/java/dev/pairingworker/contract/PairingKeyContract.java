package dev.pairingworker.contract;

import static dev.pairingworker.contract.ContractAssertions.carriesACorrelationId;
import static dev.pairingworker.contract.ContractAssertions.hasAnEmptyBody;
import static dev.pairingworker.contract.ContractAssertions.hasStatus;
import static dev.pairingworker.contract.ContractAssertions.isAnError;
import static dev.pairingworker.contract.ContractAssertions.isAnUnclaimedPairingKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pairingworker.command.ExternalIds;
import dev.pairingworker.pingone.AccessToken;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pairing-key contract as one scenario, run by the project's own PingOne client against any
 * {@link ContractTarget}: the simulator in every build ({@link SimulatorContractIT}) and a real
 * tenant on request ({@link PingOneTenantContractCheck}). Same scenario, same assertions: where
 * they pass on one and fail on the other, the simulator is lying. See docs/contract-check.md.
 */
abstract class PairingKeyContract {
  private ContractTarget target;
  private ContractClient client;
  private AccessToken token;
  private String transactionId;

  /** The key created by the running test and not yet deleted, for cleanup after a failure. */
  private String undeletedKeyId;

  /**
   * Where to run; called before each test. Fails (never skips) when the target cannot be described.
   */
  protected abstract ContractTarget target();

  @BeforeEach
  void connect() {
    target = target();
    client = new ContractClient(target);
    transactionId = ExternalIds.forHeader("contract-check-" + UUID.randomUUID());
  }

  @Test
  void aPairingKeyIsCreatedReadDeletedAndThenNotFound() {
    token = client.token();

    Answer created = client.create(transactionId, token);
    carriesACorrelationId(created);
    hasStatus(created, 201);
    if (ContractAssertions.UUID.matcher(created.text("id")).matches()) {
      undeletedKeyId = created.text("id");
    }
    isAnUnclaimedPairingKey(created, target);
    String id = created.text("id");

    Answer read = client.get("read", id, transactionId, token);
    carriesACorrelationId(read);
    hasStatus(read, 200);
    isAnUnclaimedPairingKey(read, target);
    assertThat(read.text("id")).as("%s: the id create returned", read).isEqualTo(id);

    Answer deleted = client.delete("delete", id, transactionId, token);
    carriesACorrelationId(deleted);
    hasStatus(deleted, 204);
    undeletedKeyId = null;
    hasAnEmptyBody(deleted);

    Answer gone = client.get("read after delete", id, transactionId, token);
    carriesACorrelationId(gone);
    hasStatus(gone, 404);
    isAnError(gone, "NOT_FOUND");
  }

  @Test
  void aCallWithABogusBearerTokenIsRefusedWithAccessFailed() {
    Answer refused =
        client.get(
            "read with a bogus bearer token",
            UUID.randomUUID().toString(),
            transactionId,
            ContractClient.bogusToken());

    carriesACorrelationId(refused);
    hasStatus(refused, 401);
    isAnError(refused, "ACCESS_FAILED");
  }

  /**
   * Best effort: a key left by a failed assertion expires by itself, but a tenant should not keep
   * it.
   */
  @AfterEach
  void deleteTheKeyAFailureLeftBehind() {
    if (undeletedKeyId == null || token == null) {
      return;
    }
    String keyId = undeletedKeyId;
    undeletedKeyId = null;
    try {
      Answer cleanup = client.delete("cleanup", keyId, transactionId, token);
      if (cleanup.status() != 204 && cleanup.status() != 404) {
        System.err.println(
            "Could not delete pairing key " + keyId + " after a failure: " + cleanup);
      }
    } catch (AssertionError | RuntimeException e) {
      System.err.println(
          "Could not delete pairing key " + keyId + " after a failure: " + e.getMessage());
    }
  }
}
