package dev.pairingworker.contract;

import dev.pairingworker.simulator.PingOneSimulator;
import dev.pairingworker.simulator.SimulatorSettings;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The pairing-key contract against the in-process simulator, in every {@code mvn verify}. */
class SimulatorContractIT extends PairingKeyContract {
  /** Set by the {@code contract} Maven profile, under which the real-tenant check runs too. */
  static final String TENANT_CHECK_PROPERTY = "pingone.contract.tenant-check";

  /** Printed to the build log when the real-tenant check is not part of the run. */
  static final String NOT_RUN =
      "PingOne contract check against a real tenant: NOT RUN (run mvn -B verify -Pcontract with"
          + " PINGONE_CONTRACT_* set; see docs/contract-check.md)";

  private static final String ENVIRONMENT_ID = UUID.randomUUID().toString();
  private static final String USER_ID = UUID.randomUUID().toString();

  /** The tenant a real check would be given: the environment, its worker app and the user. */
  private static final SimulatorSettings SETTINGS =
      SimulatorSettings.defaults().withUsers(ENVIRONMENT_ID, List.of(USER_ID));

  private static PingOneSimulator simulator;

  @BeforeAll
  static void startSimulator() throws IOException {
    simulator = PingOneSimulator.start(SETTINGS);
  }

  @AfterAll
  static void stopSimulatorAndSayTheRealCheckDidNotRun() {
    simulator.close();
    if (System.getProperty(TENANT_CHECK_PROPERTY) == null) {
      buildLog().println(NOT_RUN);
    }
  }

  /**
   * The forked JVM's own stderr. Failsafe sends System.out and System.err to a report file
   * (redirectTestOutputToFile), where no reader of the build log would see the line; the process's
   * stderr reaches the log as it is. (Its stdout would not: Failsafe reads it as its channel and
   * warns of corruption.)
   */
  @SuppressWarnings("resource") // closing it would close the process's stderr
  private static PrintStream buildLog() {
    return new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
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
