package dev.pairingworker.command;

/** Where a command was read from; echoed in its reply so users can find the record again. */
public record RecordSource(String topic, int partition, long offset) {}
