package dev.pairingworker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * A process's resident set size, from Linux's {@code /proc/<pid>/status}; empty elsewhere or once
 * the process is gone.
 */
final class ProcessMemory {
  private static final long BYTES_PER_KB = 1024;

  private final Path proc;

  private ProcessMemory(Path proc) {
    this.proc = proc;
  }

  /** This JVM's process. */
  static ProcessMemory self() {
    return new ProcessMemory(Path.of("/proc/self"));
  }

  /** Another process, e.g. a worker this benchmark started. */
  static ProcessMemory of(long pid) {
    return new ProcessMemory(Path.of("/proc", Long.toString(pid)));
  }

  /**
   * The peak resident set size ({@code VmHWM}) since start or since the last {@link
   * #resetPeakRss()}.
   */
  OptionalLong peakRssBytes() {
    return field("VmHWM");
  }

  /** The resident set size now ({@code VmRSS}). */
  OptionalLong rssBytes() {
    return field("VmRSS");
  }

  /**
   * Resets the peak to the current RSS (Linux 4.0+, {@code echo 5 > /proc/<pid>/clear_refs}), so
   * that a second run in the same process gets its own peak. Returns false where that is not
   * possible.
   */
  boolean resetPeakRss() {
    try {
      Files.writeString(proc.resolve("clear_refs"), "5");
      return true;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  /** CPU time the process used so far (user + system), or -1 once it is gone or elsewhere. */
  long cpuNanos() {
    try {
      return CpuUse.ticks(Files.readString(proc.resolve("stat"))) * CpuUse.NANOS_PER_TICK;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private OptionalLong field(String name) {
    try {
      return statusField(Files.readString(proc.resolve("status")), name);
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * A size field of a {@code /proc/<pid>/status} text, such as {@code VmHWM: 524288 kB}, in bytes;
   * empty when the field is absent or not a size.
   */
  static OptionalLong statusField(String status, String name) {
    String prefix = name + ":";
    for (String line : status.split("\n")) {
      if (line.startsWith(prefix)) {
        String value = line.substring(prefix.length()).trim();
        if (!value.endsWith(" kB")) {
          return OptionalLong.empty();
        }
        try {
          return OptionalLong.of(
              Long.parseLong(value.substring(0, value.length() - 3).trim()) * BYTES_PER_KB);
        } catch (NumberFormatException e) {
          return OptionalLong.empty();
        }
      }
    }
    return OptionalLong.empty();
  }
}
