package dev.pairingworker.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairingworker.command.CommandDecoder;
import dev.pairingworker.command.Json;
import dev.pairingworker.config.TokenAuthMethod;
import dev.pairingworker.config.WorkerConfig;
import dev.pairingworker.dispatch.OffsetTracker;
import dev.pairingworker.execute.CommandExecutor;
import dev.pairingworker.kafka.CommandConsumer;
import dev.pairingworker.kafka.DeadLetters;
import dev.pairingworker.kafka.KafkaClients;
import dev.pairingworker.kafka.RecordHandler;
import dev.pairingworker.kafka.ReplyPublisher;
import dev.pairingworker.metrics.HealthState;
import dev.pairingworker.metrics.MetricsServer;
import dev.pairingworker.metrics.WorkerMetrics;
import dev.pairingworker.pingone.ClientCredentials;
import dev.pairingworker.pingone.PairingKeysApi;
import dev.pairingworker.pingone.PingOneCaller;
import dev.pairingworker.pingone.PingOneObserver;
import dev.pairingworker.pingone.RateLimiter;
import dev.pairingworker.pingone.RetryPolicy;
import dev.pairingworker.pingone.TokenProvider;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The running worker: wires every part together in one place, starts the poll loop and the metrics endpoint,
 * and stops them in order.
 */
public final class Worker implements AutoCloseable {
  private final WorkerConfig config;
  private final CommandConsumer loop;
  private final Thread loopThread;
  private final KafkaProducer<byte[], byte[]> producer;
  private final ReplyPublisher publisher;
  private final MetricsServer metricsServer;
  private final ScheduledExecutorService scheduler;
  private final WorkerMetrics metrics;

  private Worker(WorkerConfig config, Clock clock) {
    this.config = config;
    ObjectMapper json = Json.mapper();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    this.metrics = new WorkerMetrics(registry);
    HealthState health = new HealthState();
    this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("reply-retry"));

    CommandExecutor executor = new CommandExecutor(caller(clock, json, new PingOneHealth(metrics, health)), json, clock);
    this.producer = new KafkaProducer<>(KafkaClients.producer(config.kafkaProperties()));
    this.publisher = new ReplyPublisher(producer, json, config.repliesTopic(), metrics, scheduler);
    OffsetTracker offsets = new OffsetTracker();
    RecordHandler handler =
        new RecordHandler(
            new CommandDecoder(json, config.repliesTopic()),
            offsets,
            publisher,
            new DeadLetters(config.deadLetterTopic()),
            executor,
            metrics,
            clock,
            config.maxInFlight());
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            KafkaClients.consumer(config.kafkaProperties(), config.groupId(), config.maxBuffered()));
    this.loop =
        new CommandConsumer(
            consumer, config.commandsTopic(), handler, offsets, publisher, health,
            config.maxBuffered(), config.shutdownTimeout());
    Meters.bind(metrics, registry, consumer, producer, handler, offsets);
    this.metricsServer = startMetricsServer(config.metricsPort(), registry, health, json);
    this.loopThread = new Thread(loop, "poll-loop");
  }

  /** Starts a worker; it runs until {@link #stop()} or a fatal consumer error. */
  public static Worker start(WorkerConfig config) {
    return start(config, Clock.systemUTC());
  }

  public static Worker start(WorkerConfig config, Clock clock) {
    Worker worker = new Worker(config, clock);
    worker.loopThread.start();
    return worker;
  }

  /** The port actually serving {@code /metrics} (useful when configured as 0). */
  public int metricsPort() {
    return metricsServer.port();
  }

  public WorkerMetrics metrics() {
    return metrics;
  }

  /** Finishes in-flight commands (within worker.shutdown.timeout), commits, and releases everything. */
  public void stop() {
    loop.stop();
  }

  /** Waits for the worker to stop; true if it did. Releases the producer and the endpoint afterwards. */
  public boolean awaitStopped(Duration timeout) throws InterruptedException {
    loopThread.join(timeout.toMillis());
    if (loopThread.isAlive()) {
      return false;
    }
    publisher.close();
    producer.close(Duration.ofSeconds(5));
    scheduler.shutdownNow();
    metricsServer.close();
    return true;
  }

  /** The error that stopped the worker by itself, or null. */
  public Throwable failure() {
    return loop.failure();
  }

  @Override
  public void close() {
    stop();
    try {
      awaitStopped(config.shutdownTimeout().plusSeconds(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private PingOneCaller caller(Clock clock, ObjectMapper json, PingOneObserver observer) {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .version(
                "https".equals(config.apiUrl().getScheme())
                    ? HttpClient.Version.HTTP_2
                    : HttpClient.Version.HTTP_1_1) // no h2c upgrade attempts against local simulators
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    ClientCredentials credentials =
        new ClientCredentials(
            config.clientId(),
            config.clientSecret().reveal(),
            config.tokenAuthMethod() == TokenAuthMethod.CLIENT_SECRET_BASIC);
    TokenProvider tokens =
        new TokenProvider(
            http, config.tokenUrl(), credentials, config.tokenRefreshBefore(), config.requestTimeout(),
            clock, json, observer);
    PairingKeysApi api = new PairingKeysApi(http, config.apiUrl(), config.requestTimeout(), clock, observer);
    return new PingOneCaller(api, tokens, RateLimiter.unlimited(), RetryPolicy.never());
  }

  private static MetricsServer startMetricsServer(
      int port, PrometheusMeterRegistry registry, HealthState health, ObjectMapper json) {
    try {
      return MetricsServer.start(port, registry, health, json);
    } catch (IOException e) {
      throw new UncheckedIOException("metrics.port " + port + ": cannot listen", e);
    }
  }

  static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
