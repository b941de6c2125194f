package dev.pairingworker.submit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairingworker.cli.Main;
import dev.pairingworker.support.ProjectRoot;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;

/** The README and docs/submit.md describe the options {@code submit} really has. */
class SubmitDocsTest {
  private static final Pattern OPTION = Pattern.compile("`[^`]*?(--[a-z][a-z-]+)");

  @Test
  void theDocumentedOptionsAreTheCommandsOptions() throws Exception {
    Set<String> options = new TreeSet<>();
    for (OptionSpec option :
        Main.commandLine().getSubcommands().get("submit").getCommandSpec().options()) {
      options.addAll(Set.of(option.names()));
    }
    String docs = Files.readString(ProjectRoot.resolve("docs", "submit.md"));
    String readme = Files.readString(ProjectRoot.resolve("README.md"));
    String section = readme.substring(readme.indexOf("## Submitting a CSV of users"));

    assertThat(mentioned(docs)).isSubsetOf(options).contains("--wait", "--run-id", "--timeout");
    assertThat(mentioned(section.substring(0, section.indexOf("\n## ")))).isSubsetOf(options);
  }

  private static Set<String> mentioned(String markdown) {
    Set<String> out = new TreeSet<>();
    Matcher m = OPTION.matcher(markdown);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
