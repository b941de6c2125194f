package dev.pairingworker.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process PingOne for tests: the OAuth client-credentials token endpoint and the MFA
 * pairing-key API (create, read, delete), served over real HTTP by the JDK's {@link HttpServer}.
 * Start it on port 0, point the client at {@link #authBaseUrl()} and {@link #apiBaseUrl()}, then
 * inspect {@link #requests()}.
 *
 * <p>A strict tenant by default ({@link TenantSettings}): only seeded environments and users exist
 * (404 otherwise), a token works only in its environment and for an application with the MFA role
 * (403 otherwise), the token endpoint enforces each application's authentication method, and a
 * create may name only seeded native applications and policies (400). Seed at start ({@link
 * SimulatorSettings#withSeed}, {@link SimulatorSettings#withUsers}) or while running ({@link
 * #seed}, {@link #addUsers}, or {@code /admin}, see {@link AdminEndpoint}).
 *
 * <p>Choices where PingOne's behaviour is unconfirmed: a malformed id in an API path is 400
 * INVALID_REQUEST; reading or deleting an expired key is 404 ({@link ExpiredKeyRead} offers the
 * stale resource instead); the key beyond the per-user limit is 400 INVALID_DATA with detail
 * SIZE_LIMIT_EXCEEDED; a token request for an unknown environment is 404 NOT_FOUND.
 *
 * <p>Known differences from PingOne: response header names go out as the JDK server normalises them
 * ({@code Correlation-id}; header names are case-insensitive, so clients must not care).
 *
 * <pre>{@code
 * SimulatorSettings settings = SimulatorSettings.defaults().withUsers(environmentId, users);
 * try (PingOneSimulator sim = PingOneSimulator.start(settings)) {
 *   URI tokenUrl = sim.tokenUrl(environmentId); // POST grant_type=client_credentials here
 *   URI api = sim.apiBaseUrl(); // then {api}/environments/{e}/users/{u}/pairingKeys
 *   ...
 *   assertThat(sim.requests()).extracting(RecordedRequest::status).contains(201);
 * }
 * }</pre>
 *
 * <p>Misbehaviour, for testing a client's retries: {@link FaultSettings} (a rate limit answering
 * 429, random 500/502/503/504 and connection resets, before or after the request takes effect) in
 * the settings or through {@link #setFaults}; {@link #startOutage} for a period of failures; {@link
 * LatencyModel} for delays. {@link #stats()} counts the outcomes; a connection closed without a
 * response is recorded with status {@link RecordedRequest#CONNECTION_RESET}.
 *
 * <pre>{@code
 * sim.setFaults(FaultSettings.none().withProbability(Fault.BAD_GATEWAY, 1).withAfterEffect(1));
 * // a create now returns 502, yet the key exists: the client must not blindly create again
 * }</pre>
 */
public final class PingOneSimulator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PingOneSimulator.class);
  private static final int SERVER_THREADS = 4;
  private static final int SCHEDULER_THREADS = 2;

  /** Large enough that hundreds of simultaneous connects are not dropped by a full accept queue. */
  private static final int BACKLOG = 1024;

  private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";
  private static final String MAX_IDLE_PROPERTY = "sun.net.httpserver.maxIdleConnections";

  /** More than a worker's calls in flight: clients keep one connection per concurrent call. */
  private static final int MAX_IDLE_CONNECTIONS = 2048;

  static {
    // Both properties are read once, when the JDK server's configuration loads; a value set by the
    // user is kept.
    // The JDK server sends the headers and the body as two writes; with Nagle's algorithm the body
    // then waits for the client's delayed ACK, about 40 ms a response on Linux.
    if (System.getProperty(NODELAY_PROPERTY) == null) {
      System.setProperty(NODELAY_PROPERTY, "true");
    }
    // The JDK server closes a connection going idle when 200 already are: with 256 calls in flight
    // at 0 ms latency a client then sends its next request on a socket being closed and reads EOF
    // (bench --raw-http failed so once the client no longer started a thread per response).
    if (System.getProperty(MAX_IDLE_PROPERTY) == null) {
      System.setProperty(MAX_IDLE_PROPERTY, Integer.toString(MAX_IDLE_CONNECTIONS));
    }
  }

  private final HttpServer server;
  private final ExecutorService serverThreads;
  private final ScheduledThreadPoolExecutor scheduler;
  private final URI authBaseUrl;
  private final URI apiBaseUrl;
  private final TokenStore tokens;
  private final TenantDirectory directory;
  private final PairingKeyStore keys;
  private final PairingKeyJson json;
  private final RequestLog log = new RequestLog();
  private final StatusCounts counts = new StatusCounts();
  private final FaultStage faults;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile LatencyModel latency;

  private PingOneSimulator(SimulatorSettings settings) throws IOException {
    latency = settings.latency();
    server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), BACKLOG);
    authBaseUrl = uri(settings.host(), server.getAddress().getPort(), "");
    apiBaseUrl = uri(settings.host(), server.getAddress().getPort(), "/v1");
    tokens = new TokenStore(settings.clock(), settings.tokenLifetime());
    directory = new TenantDirectory(settings.tenant());
    keys =
        new PairingKeyStore(
            settings.clock(), settings.maxValidKeysPerUser(), settings.tenant().expiredKeyRead());
    json = new PairingKeyJson(apiBaseUrl);
    serverThreads = Executors.newFixedThreadPool(SERVER_THREADS, daemonThreads("pingone-sim-http"));
    scheduler =
        new ScheduledThreadPoolExecutor(SCHEDULER_THREADS, daemonThreads("pingone-sim-delay"));
    scheduler.setRemoveOnCancelPolicy(true);
    faults = new FaultStage(newRouter(settings), settings.clock(), settings.faults());
    server.createContext(
        "/",
        new ExchangeHandler(
            settings.clock(), tokens, faults, log, counts, () -> latency, scheduler));
    server.createContext("/admin", new AdminEndpoint(directory, keys, json));
    server.setExecutor(serverThreads);
  }

  /** Binds and starts a simulator; close it when done. */
  public static PingOneSimulator start(SimulatorSettings settings) throws IOException {
    PingOneSimulator simulator = new PingOneSimulator(Objects.requireNonNull(settings, "settings"));
    simulator.server.start();
    LOG.debug("PingOne simulator listening on {}", simulator.authBaseUrl);
    return simulator;
  }

  /** The end of the responder chain; stages such as {@link FaultStage} wrap it. */
  private Router newRouter(SimulatorSettings settings) {
    TokenEndpoint tokenEndpoint = new TokenEndpoint(tokens, directory, authBaseUrl);
    PairingKeyEndpoint pairingKeys =
        new PairingKeyEndpoint(keys, json, new AccessCheck(directory, tokens), settings.lenient());
    return new Router(tokenEndpoint, pairingKeys);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The management API base, e.g. {@code http://127.0.0.1:PORT/v1}. */
  public URI apiBaseUrl() {
    return apiBaseUrl;
  }

  /**
   * The auth base, e.g. {@code http://127.0.0.1:PORT}; the token URL is {@code
   * {auth}/{envId}/as/token}.
   */
  public URI authBaseUrl() {
    return authBaseUrl;
  }

  /** The token endpoint of one environment. */
  public URI tokenUrl(String environmentId) {
    return URI.create(authBaseUrl + "/" + environmentId + "/as/token");
  }

  /** Every request received since start or the last {@link #clearRequests()}, in arrival order. */
  public List<RecordedRequest> requests() {
    return log.snapshot();
  }

  public void clearRequests() {
    log.clear();
  }

  /** Every access token issued so far, valid or not: for tests that prove none of them leaks. */
  public Set<String> issuedTokens() {
    return tokens.issued();
  }

  /**
   * Expires every token issued so far, as if their hour had passed; tokens issued later are valid.
   */
  public void expireAllTokens() {
    tokens.expireAll();
  }

  /** Replaces the latency model; applies to responses decided from now on. */
  public void setLatency(LatencyModel latency) {
    this.latency = Objects.requireNonNull(latency, "latency");
  }

  /** Replaces the fault injection, restarting its random draws from the new seed. */
  public void setFaults(FaultSettings settings) {
    faults.setFaults(settings);
  }

  /** The fault injection in force. */
  public FaultSettings faults() {
    return faults.faults();
  }

  /**
   * Fails every API request (and token request when {@link FaultSettings#includeTokenEndpoint()})
   * for {@code length} of the simulator's clock from now, then recovers by itself. A 503 carries
   * {@code Retry-After} with the seconds left; status {@link RecordedRequest#CONNECTION_RESET}
   * closes connections without a response. Replaces an outage already under way.
   *
   * @param status 0 (connection reset), 500, 502, 503 or 504
   */
  public void startOutage(Duration length, int status) {
    faults.startOutage(length, status);
  }

  /** Ends the outage now, if one is under way. */
  public void endOutage() {
    faults.endOutage();
  }

  /** Whether an outage is under way by the simulator's clock. */
  public boolean inOutage() {
    return faults.inOutage();
  }

  /** Counts of responses by status since start. */
  public SimulatorStats stats() {
    return counts.snapshot();
  }

  /**
   * Adds to the tenant: new environments, users, applications and policies; an application or
   * policy with a seeded id replaces it.
   */
  public void seed(TenantSeed seed) {
    directory.seed(Objects.requireNonNull(seed, "seed"));
  }

  /** The users exist from now on (and their environment, with its defaults, when it is new). */
  public void addUsers(String environmentId, Collection<String> userIds) {
    directory.addUsers(environmentId, userIds);
  }

  /**
   * Claims the key as a device pairing with it would: it reads as {@code CLAIMED} from now on.
   *
   * @return false when there is no such unexpired, unclaimed key
   */
  public boolean claim(String environmentId, String userId, String pairingKeyId) {
    return keys.claim(environmentId, userId, pairingKeyId) == PairingKeyStore.ClaimOutcome.CLAIMED;
  }

  /**
   * Makes every key, existing or new, invisible to reads and deletes (404) until {@code lag} after
   * its creation, as a PingOne replica that has not caught up yet: PingOne's retry guidance counts
   * a resource read right after its creation among the transient 404s. {@link Duration#ZERO} (the
   * default) shows a key at once.
   */
  public void setReplicationLag(Duration lag) {
    Objects.requireNonNull(lag, "lag");
    if (lag.isNegative()) {
      throw new IllegalArgumentException("replication lag must not be negative: " + lag);
    }
    keys.setReplicationLag(lag);
  }

  /** The replication lag in force ({@link #setReplicationLag}). */
  public Duration replicationLag() {
    return keys.replicationLag();
  }

  /** How many unexpired, unclaimed pairing keys the user holds. */
  public int validKeyCount(String environmentId, String userId) {
    return keys.validKeyCount(environmentId, userId);
  }

  /** Stops at once: open connections are closed and delayed responses are dropped. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.stop(0);
    scheduler.shutdownNow();
    serverThreads.shutdownNow();
    LOG.debug("PingOne simulator on {} stopped", authBaseUrl);
  }

  private static URI uri(String host, int port, String path) {
    try {
      return new URI("http", null, host, port, path, null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("host is not usable in a URL: " + host, e);
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      // Daemon threads: a test that forgets close() must not keep the JVM alive.
      thread.setDaemon(true);
      return thread;
    };
  }
}
