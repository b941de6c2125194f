package dev.pairingworker.submit;

import dev.pairingworker.command.Op;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to submit a batch.
 *
 * @param await whether to wait for the replies and write {@code results}
 * @param results the results CSV; also read back to resume an interrupted run
 * @param includeCodes whether pairing codes (credentials) go into the results file
 * @param timeout how long to wait for replies once everything is sent
 * @param terminal whether progress is redrawn in place rather than printed line by line
 */
public record SubmitOptions(
    Op op, boolean await, Path results, boolean includeCodes, Duration timeout, boolean terminal) {}
