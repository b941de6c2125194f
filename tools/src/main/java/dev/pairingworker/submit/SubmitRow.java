package dev.pairingworker.submit;

/**
 * One valid row of the input, ready to become a command.
 *
 * @param line the row's line number in the file (1-based, the header included), part of the
 *     generated transaction ID
 * @param pairingKeyId {@code null} for a create
 */
public record SubmitRow(
    int line, String transactionId, String environmentId, String userId, String pairingKeyId) {}
