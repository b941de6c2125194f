package dev.pairingworker.cli;

/** Entry point of {@code pairing-worker.jar}; the subcommands are wired here. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    throw new UnsupportedOperationException("subcommands are not wired yet");
  }
}
