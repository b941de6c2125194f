package dev.pairingworker.demo;

/** A Kafka broker running inside this JVM, for the demo, the benchmark and the tests. */
public interface LocalBroker extends AutoCloseable {
  /** The {@code bootstrap.servers} value clients use to reach it. */
  String bootstrapServers();

  /**
   * Stops the broker; its data directory is kept so that it can be started again on the same data.
   */
  @Override
  void close();
}
