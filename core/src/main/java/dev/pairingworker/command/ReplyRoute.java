package dev.pairingworker.command;

/**
 * Where and how to answer a record.
 *
 * @param key the command record's key, copied onto the reply (null when the record had none)
 * @param topic the reply topic: {@code kafka_replyTopic} when given, else the configured default
 * @param correlationId the {@code kafka_correlationId} header bytes to copy onto the reply, or null
 */
public record ReplyRoute(byte[] key, String topic, byte[] correlationId) {}
