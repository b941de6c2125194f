/**
 * An in-process PingOne for tests: {@link dev.pairingworker.simulator.PingOneSimulator} serves the
 * OAuth client-credentials token endpoint and the MFA pairing-key API over real HTTP on a local
 * port.
 *
 * <p>Public: {@code PingOneSimulator}, {@code SimulatorSettings}, {@code LatencyModel}, {@code
 * FaultSettings}, {@code Fault}, {@code SimulatorStats}, {@code RecordedRequest}, {@code
 * TokenState}, {@code MutableClock} (a clock tests move by hand), and the tenant: {@code
 * TenantSettings}, {@code TenantSeed} with {@code EnvironmentSeed}, {@code ApplicationSeed}, {@code
 * PolicySeed} and their enums, {@code ExpiredKeyRead}. Everything else is package-private. A
 * request flows {@code ExchangeHandler} (decode, record, apply latency, send) → {@code FaultStage}
 * (outage, rate limits, random faults) → {@code Router} → {@code TokenEndpoint} ({@code
 * ClientAuthenticator}) or {@code PairingKeyEndpoint} ({@code AccessCheck}, {@code CreateRequest},
 * {@code CreateReferences}, {@code PairingKeyStore}); {@code /admin} goes to {@code AdminEndpoint}
 * alone. The strict tenant is {@code TenantDirectory} of {@code EnvironmentState}s.
 */
package dev.pairingworker.simulator;
