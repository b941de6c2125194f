package dev.pairingworker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** This process's resident set size, from Linux's {@code /proc/self}; empty elsewhere. */
final class ProcessMemory {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
  private static final long BYTES_PER_KB = 1024;

  private ProcessMemory() {}

  /**
   * The peak resident set size ({@code VmHWM}) since start or since the last {@link
   * #resetPeakRss()}.
   */
  static OptionalLong peakRssBytes() {
    return statusField("VmHWM:");
  }

  /** The resident set size now ({@code VmRSS}). */
  static OptionalLong rssBytes() {
    return statusField("VmRSS:");
  }

  /**
   * Resets the peak to the current RSS (Linux 4.0+, {@code echo 5 > /proc/self/clear_refs}), so
   * that a second run in the same process gets its own peak. Returns false where that is not
   * possible.
   */
  static boolean resetPeakRss() {
    try {
      Files.writeString(CLEAR_REFS, "5");
      return true;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  private static OptionalLong statusField(String name) {
    try {
      return Files.readAllLines(STATUS).stream()
          .filter(line -> line.startsWith(name))
          .mapToLong(
              line ->
                  Long.parseLong(line.substring(name.length()).replace("kB", "").trim())
                      * BYTES_PER_KB)
          .findFirst();
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
