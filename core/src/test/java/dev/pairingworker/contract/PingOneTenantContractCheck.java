package dev.pairingworker.contract;

import static org.assertj.core.api.Assertions.fail;

/**
 * The pairing-key contract against a real PingOne tenant. Named to match neither {@code *Test} nor
 * {@code *IT}: only {@code mvn verify -Pcontract} runs it, and there it fails (never skips) when
 * the {@code PINGONE_CONTRACT_*} variables are missing. See docs/contract-check.md.
 */
class PingOneTenantContractCheck extends PairingKeyContract {
  @Override
  protected ContractTarget target() {
    try {
      return TenantEnvironment.read(System.getenv());
    } catch (IllegalStateException e) {
      return fail(e.getMessage());
    }
  }
}
