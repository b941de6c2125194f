package dev.pairingworker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.pairingworker.support.ProjectRoot;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The arrows between the worker's packages point down (docs/architecture.md): a package may use
 * only the packages below it, never one above it or a peer. Fails when a class imports upward.
 */
class ArchitectureTest {
  /** The worker's packages, top to bottom. */
  private static final String[] PACKAGES = {
    "dev.pairingworker.worker",
    "dev.pairingworker.pipeline",
    "dev.pairingworker.delivery",
    "dev.pairingworker.ledger",
    "dev.pairingworker.dispatch",
    "dev.pairingworker.kafka",
    "dev.pairingworker.metrics",
    "dev.pairingworker.pingone",
    "dev.pairingworker.config",
    "dev.pairingworker.logging",
    "dev.pairingworker.command"
  };

  private static final JavaClasses WORKER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(PACKAGES);

  @Test
  void packagesOnlyUseThePackagesBelowThem() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("worker")
        .definedBy("dev.pairingworker.worker..")
        .layer("pipeline")
        .definedBy("dev.pairingworker.pipeline..")
        .layer("delivery")
        .definedBy("dev.pairingworker.delivery..")
        .layer("ledger")
        .definedBy("dev.pairingworker.ledger..")
        .layer("dispatch")
        .definedBy("dev.pairingworker.dispatch..")
        .layer("kafka")
        .definedBy("dev.pairingworker.kafka..")
        .layer("metrics")
        .definedBy("dev.pairingworker.metrics..")
        .layer("pingone")
        .definedBy("dev.pairingworker.pingone..")
        .layer("config")
        .definedBy("dev.pairingworker.config..")
        .layer("logging")
        .definedBy("dev.pairingworker.logging..")
        .layer("command")
        .definedBy("dev.pairingworker.command..")
        .whereLayer("worker")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("pipeline")
        .mayOnlyBeAccessedByLayers("worker")
        .whereLayer("delivery")
        .mayOnlyBeAccessedByLayers("pipeline", "worker")
        .whereLayer("ledger")
        .mayOnlyBeAccessedByLayers("pipeline", "worker")
        .whereLayer("dispatch")
        .mayOnlyBeAccessedByLayers("delivery", "pipeline", "worker")
        .whereLayer("kafka")
        .mayOnlyBeAccessedByLayers("ledger", "delivery", "pipeline", "worker")
        .whereLayer("metrics")
        .mayOnlyBeAccessedByLayers("kafka", "ledger", "delivery", "pipeline", "worker")
        .whereLayer("pingone")
        .mayOnlyBeAccessedByLayers("metrics", "ledger", "pipeline", "worker")
        .whereLayer("config")
        .mayOnlyBeAccessedByLayers("pingone", "pipeline", "worker")
        .whereLayer("logging")
        .mayOnlyBeAccessedByLayers("config", "pipeline", "worker")
        .check(WORKER);
  }

  @Test
  void theWorkerKnowsNothingOfItsToolsOrItsStandIns() {
    noClasses()
        .that()
        .resideInAnyPackage(PACKAGES)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.pairingworker.simulator..",
            "dev.pairingworker.bench..",
            "dev.pairingworker.demo..",
            "dev.pairingworker.submit..",
            "dev.pairingworker.cli..",
            "dev.pairingworker.client..",
            "dev.pairingworker.broker..",
            "dev.pairingworker.testkit..")
        .check(WORKER);
  }

  @Test
  void architectureMdListsThesePackagesInThisOrder() throws Exception {
    String doc = Files.readString(ProjectRoot.resolve("docs", "architecture.md"));
    String section =
        doc.substring(
            doc.indexOf("## Packages of the worker"), doc.indexOf("Arrows that must never exist"));
    Matcher row = Pattern.compile("(?m)^\\| `([a-z]+)` \\|").matcher(section);
    List<String> listed = new java.util.ArrayList<>();
    while (row.find()) {
      listed.add("dev.pairingworker." + row.group(1));
    }
    assertThat(listed).containsExactlyElementsOf(Arrays.asList(PACKAGES));
  }
}
