package dev.pairingworker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void aCommandLineForASubcommandHoldsThatSubcommandOnly() {
    assertThat(Main.commandLine("run", "--config", "f").getSubcommands()).containsOnlyKeys("run");
    assertThat(Main.commandLine("bench", "--help").getSubcommands()).containsOnlyKeys("bench");
  }

  @Test
  void withoutASubcommandTheUsageListsThemAll() {
    StringWriter out = new StringWriter();
    int exit = Main.commandLine("--help").setOut(new PrintWriter(out, true)).execute("--help");

    assertThat(exit).isZero();
    assertThat(Main.commandLine().getSubcommands().keySet())
        .containsExactly("run", "demo", "simulate", "bench", "submit");
    assertThat(out.toString()).contains("run", "demo", "simulate", "bench", "submit");
  }

  @Test
  void aMistypedSubcommandIsAnErrorThatNamesTheRealOnes() {
    StringWriter err = new StringWriter();
    int exit = Main.commandLine("rnu").setErr(new PrintWriter(err, true)).execute("rnu");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("rnu").contains("run");
  }
}
