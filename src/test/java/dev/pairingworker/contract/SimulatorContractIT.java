package dev.pairingworker.contract;

import dev.pairingworker.simulator.PingOneSimulator;
import dev.pairingworker.simulator.SimulatorSettings;
import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The pairing-key contract against the in-process simulator, in every {@code mvn verify}. */
class SimulatorContractIT extends PairingKeyContract {
  /** Set by the {@code contract} Maven profile, under which the real-tenant check runs too. */
  static final String TENANT_CHECK_PROPERTY = "pingone.contract.tenant-check";

  private static final SimulatorSettings SETTINGS = SimulatorSettings.defaults();
  private static final String ENVIRONMENT_ID = UUID.randomUUID().toString();
  private static final String USER_ID = UUID.randomUUID().toString();

  private static PingOneSimulator simulator;

  @BeforeAll
  static void startSimulator() throws IOException {
    simulator = PingOneSimulator.start(SETTINGS);
  }

  @AfterAll
  static void stopSimulatorAndSayTheRealCheckDidNotRun() {
    simulator.close();
    if (System.getProperty(TENANT_CHECK_PROPERTY) == null) {
      System.out.println(
          "PingOne contract check against a real tenant: NOT RUN (run mvn -B verify -Pcontract with"
              + " PINGONE_CONTRACT_* set; see docs/contract-check.md)");
    }
  }

  @Override
  protected ContractTarget target() {
    return new ContractTarget(
        "the PingOne simulator",
        simulator.tokenUrl(ENVIRONMENT_ID),
        simulator.apiBaseUrl(),
        SETTINGS.clientId(),
        SETTINGS.clientSecret(),
        true,
        ENVIRONMENT_ID,
        USER_ID);
  }
}
