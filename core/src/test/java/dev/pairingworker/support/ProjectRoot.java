package dev.pairingworker.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's root directory, where README.md, docs/, config/ and the Dockerfile live and
 * {@code target/pairing-worker.jar} is built. Tests run in their module's directory (Surefire's and
 * Failsafe's working directory), so they find files of the repository through this class: the
 * nearest directory, from the working directory up, whose {@code pom.xml} lists modules.
 */
public final class ProjectRoot {
  private static final Path DIR = find(Path.of("").toAbsolutePath());

  private ProjectRoot() {}

  /** The root directory itself. */
  public static Path dir() {
    return DIR;
  }

  /**
   * A path in the repository, given relative to its root: {@code resolve("docs", "metrics.md")}.
   */
  public static Path resolve(String first, String... more) {
    return DIR.resolve(Path.of(first, more));
  }

  /** A path in the repository given relative to its root, as the main code names them. */
  public static Path resolve(Path relative) {
    return DIR.resolve(relative);
  }

  private static Path find(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path pom = dir.resolve("pom.xml");
      if (Files.isRegularFile(pom) && listsModules(pom)) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no pom.xml with <modules> in " + start + " or above: where is the repository?");
  }

  private static boolean listsModules(Path pom) {
    try {
      return Files.readString(pom).contains("<modules>");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
