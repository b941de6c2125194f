/**
 * An in-process PingOne for tests: {@link dev.pairingworker.simulator.PingOneSimulator} serves the
 * OAuth client-credentials token endpoint and the MFA pairing-key API over real HTTP on a local
 * port.
 *
 * <p>Public: {@code PingOneSimulator}, {@code SimulatorSettings}, {@code LatencyModel}, {@code
 * FaultSettings}, {@code Fault}, {@code SimulatorStats}, {@code RecordedRequest}, {@code
 * TokenState} and {@code MutableClock} (a clock tests move by hand). Everything else is
 * package-private. A request flows {@code ExchangeHandler} (decode, record, apply latency, send) →
 * {@code FaultStage} (outage, rate limit, random faults) → {@code Router} → {@code TokenEndpoint}
 * or {@code PairingKeyEndpoint}.
 */
package dev.pairingworker.simulator;
