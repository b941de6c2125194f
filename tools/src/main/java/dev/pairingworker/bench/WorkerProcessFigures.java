package dev.pairingworker.bench;

/**
 * What only a worker run as its own process shows; its heap and RSS peaks are in its {@link
 * RunFigures}.
 *
 * @param commandLine the worker's command line as the OS had it (the launcher's {@code java ...})
 * @param cpuSeconds the CPU time the process used from its start to the last reply (user + system,
 *     every thread: start-up, JIT and GC included), from {@code /proc/<pid>/stat}
 * @param cpuMicrosPerCommand that CPU time per command answered
 * @param startupSeconds from starting the process to the first reply (JVM start, group join, token)
 * @param lastRssMb its resident set size at the last sample, after the last reply
 * @param peakHeapCommittedMb the largest heap the JVM had committed (scraped from {@code /metrics})
 * @param peakNonHeapUsedMb the largest non-heap in use: metaspace, code cache (scraped)
 * @param exitCode the exit code after SIGTERM (0 = a clean stop), -1 when it had to be killed
 * @param nativeMemory {@code jcmd <pid> VM.native_memory summary} after the last reply; null unless
 *     asked for
 */
public record WorkerProcessFigures(
    String commandLine,
    double startupSeconds,
    double cpuSeconds,
    double cpuMicrosPerCommand,
    double lastRssMb,
    double peakHeapCommittedMb,
    double peakNonHeapUsedMb,
    int exitCode,
    String nativeMemory) {}
