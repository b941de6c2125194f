package dev.pairingworker.pingone;

import java.util.concurrent.CompletionException;

/** What a failed {@link java.util.concurrent.CompletableFuture} stage really failed with. */
public final class Failures {
  private Failures() {}

  /**
   * The cause a {@link CompletionException} wraps (dependent stages see their source's failure
   * wrapped in one), or {@code failure} itself.
   */
  public static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }
}
