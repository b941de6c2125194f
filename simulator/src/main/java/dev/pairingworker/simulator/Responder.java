package dev.pairingworker.simulator;

/**
 * One step that turns a request into a response. The simulator's handling is a chain of these: the
 * {@link Router} at the end, and stages such as fault injection wrapped around it (a stage either
 * answers by itself or delegates to the responder it wraps), so new behaviour is added without
 * rewriting the endpoints.
 */
@FunctionalInterface
interface Responder {

  /** Decides the response; must not block and must not throw for any client input. */
  SimResponse respond(SimRequest request);
}
