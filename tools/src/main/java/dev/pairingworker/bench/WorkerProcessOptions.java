package dev.pairingworker.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * How {@code bench --worker-process} starts the worker's JVM.
 *
 * @param launcher true: the documented way, {@code bin/pairing-worker run --config FILE} (the
 *     options of {@code config/jvm.options} and the class-data archive {@code mvn package} builds),
 *     with {@code jvmOptions} added last; false: {@code java [jvmOptions] -cp <jar> ...}, exactly
 *     those options and no others (none: the JVM's defaults)
 * @param jvmOptions options given to the worker's {@code java} command, e.g. {@code -Xmx128m}
 * @param nativeMemoryTracking whether to add {@code -XX:NativeMemoryTracking=summary} and print
 *     {@code jcmd <pid> VM.native_memory summary} after the last reply
 */
public record WorkerProcessOptions(
    boolean launcher, List<String> jvmOptions, boolean nativeMemoryTracking) {

  public WorkerProcessOptions {
    jvmOptions = List.copyOf(jvmOptions);
  }

  /** The documented way, with nothing added. */
  public static WorkerProcessOptions documented() {
    return new WorkerProcessOptions(true, List.of(), false);
  }

  /**
   * Splits a command-line string of JVM options at white space, as a shell would without quotes (an
   * option with a space in its value is not supported); each must start with {@code -}.
   */
  public static List<String> split(String options) {
    List<String> split = new ArrayList<>();
    for (String option : options.trim().split("\\s+")) {
      if (option.isEmpty()) {
        continue;
      }
      if (!option.startsWith("-")) {
        throw new IllegalArgumentException("each worker JVM option must start with '-': " + option);
      }
      split.add(option);
    }
    return split;
  }

  /** The options this benchmark adds: the given ones, plus native memory tracking if asked. */
  List<String> commandLine() {
    List<String> all = new ArrayList<>(jvmOptions);
    if (nativeMemoryTracking) {
      all.add("-XX:NativeMemoryTracking=summary");
    }
    return all;
  }
}
