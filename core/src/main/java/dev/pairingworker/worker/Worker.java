package dev.pairingworker.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairingworker.command.CommandDecoder;
import dev.pairingworker.command.CommandPolicy;
import dev.pairingworker.command.Json;
import dev.pairingworker.config.LedgerSettings;
import dev.pairingworker.config.ProcessingGuarantee;
import dev.pairingworker.config.ProcessingSettings;
import dev.pairingworker.config.RateLimitScope;
import dev.pairingworker.config.ResilienceSettings;
import dev.pairingworker.config.SecuritySettings;
import dev.pairingworker.config.WorkerConfig;
import dev.pairingworker.config.WorkerSettings;
import dev.pairingworker.delivery.Guarantee;
import dev.pairingworker.dispatch.Dispatcher;
import dev.pairingworker.dispatch.OffsetTracker;
import dev.pairingworker.kafka.AcknowledgedSender;
import dev.pairingworker.kafka.KafkaClients;
import dev.pairingworker.kafka.StaticMembership;
import dev.pairingworker.kafka.Topics;
import dev.pairingworker.ledger.KafkaLedger;
import dev.pairingworker.ledger.Ledger;
import dev.pairingworker.ledger.LedgerLimits;
import dev.pairingworker.ledger.LedgerWriter;
import dev.pairingworker.metrics.HealthState;
import dev.pairingworker.metrics.Metric;
import dev.pairingworker.metrics.MetricsServer;
import dev.pairingworker.metrics.WorkerMetrics;
import dev.pairingworker.pipeline.CommandRunner;
import dev.pairingworker.pipeline.Intake;
import dev.pairingworker.pipeline.LedgerStep;
import dev.pairingworker.pipeline.Outputs;
import dev.pairingworker.pipeline.PingOneStep;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running worker: wires every part together in one place, starts the poll loop and the metrics
 * endpoint, and stops them in order.
 */
public final class Worker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Worker.class);

  /** Bound on looking up and removing a static predecessor before joining. */
  private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(15);

  private final WorkerConfig config;
  private final PollLoop loop;
  private final Thread loopThread;
  private final KafkaProducer<byte[], byte[]> producer;
  private final Guarantee guarantee;
  private final AcknowledgedSender sender;
  private final MetricsServer metricsServer;
  private final ScheduledExecutorService scheduler;
  private final WorkerMetrics metrics;
  private final PingOneClient pingOne;
  private final Ledger ledger;
  private final HealthState health;
  private final LedgerStep ledgerStep;

  /** How long a create on the wire at a hand-over may take to record its outcome. */
  private final Duration handoverWait;

  private boolean released; // guarded by this

  /**
   * Builds the command pipeline (docs/architecture.md): poll loop → intake → dispatcher → runner
   * (ledger step, PingOne step) → delivery → committer. This is the only place that knows them all.
   */
  private Worker(WorkerConfig config, Clock clock) {
    this.config = config;
    ObjectMapper json = Json.mapper();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    this.metrics = new WorkerMetrics(registry);
    this.health = new HealthState();
    this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("reply-retry"));

    this.pingOne = PingOneClient.create(config, clock, json, new PingOneHealth(metrics, health));
    AuthProbe.schedule(scheduler, pingOne.caller(), health);
    this.producer = new KafkaProducer<>(KafkaClients.producer(config.kafkaProperties()));
    this.sender = new AcknowledgedSender(producer, metrics, scheduler);
    this.handoverWait = LedgerLimits.handoverWait(config.get(WorkerSettings.REQUEST_TIMEOUT));
    this.ledger = ledger(config, sender, json, clock, metrics, handoverWait);
    OffsetTracker offsets = new OffsetTracker();
    this.guarantee = guarantee(config, sender, offsets, metrics);

    PingOneStep pingOneStep =
        new PingOneStep(
            pingOne.caller(), json, clock, config.get(SecuritySettings.REPLY_INCLUDE_CODE));
    this.ledgerStep =
        new LedgerStep(
            ledger, pingOneStep, config.get(ResilienceSettings.AMBIGUOUS_CREATE), metrics);
    CommandRunner runner =
        new CommandRunner(
            ledgerStep,
            guarantee.delivery(),
            new Outputs(json, config.deadLetterTopic(), config.repliesTopic()),
            metrics);
    Dispatcher dispatcher = new Dispatcher(config.maxBuffered(), runner::run);
    Intake intake =
        new Intake(
            new CommandDecoder(json, config.repliesTopic(), commandPolicy(config)),
            offsets,
            dispatcher,
            runner,
            metrics,
            clock);
    String instanceId = config.get(WorkerSettings.INSTANCE_ID);
    log.info(
        "Consumer group {}: {} protocol, {}",
        config.groupId(),
        KafkaClients.groupProtocol(config.kafkaProperties()).name().toLowerCase(Locale.ROOT),
        instanceId.isEmpty() ? "dynamic member" : "static member " + instanceId);
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            KafkaClients.consumer(
                config.kafkaProperties(), config.groupId(), instanceId, config.maxBuffered()));
    this.loop =
        new PollLoop(
            consumer,
            config.commandsTopic(),
            intake,
            offsets,
            sender,
            guarantee.committer(),
            health,
            ledger,
            config.get(ResilienceSettings.RATE_LIMIT_SCOPE) == RateLimitScope.GROUP
                ? pingOne.limiter()::share
                : share -> {},
            new PollLoop.Limits(
                config.maxBuffered(),
                config.shutdownTimeout(),
                config.get(WorkerSettings.JOIN_TIMEOUT)),
            beforeJoin(config, instanceId));
    Meters.bind(metrics, registry, consumer, producer, dispatcher, offsets, pingOne);
    metrics.gauge(Metric.PAUSED, loop::pausedPartitions);
    metrics.gauge(Metric.OUTBOX, guarantee.waiting()::getAsInt);
    this.metricsServer = startMetricsServer(config.metricsPort(), registry, health, json);
    this.loopThread = new Thread(loop, "poll-loop");
  }

  /** Starts a worker; it runs until {@link #stop()} or a fatal consumer error. */
  public static Worker start(WorkerConfig config) {
    return start(config, Clock.systemUTC());
  }

  public static Worker start(WorkerConfig config, Clock clock) {
    CommonPool.warnIfThreadPerTask(log);
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

  /** Partitions of the commands topic this worker owns now. */
  public int assignedPartitions() {
    return health.assignedPartitions();
  }

  /**
   * Finishes in-flight commands (within worker.shutdown.timeout), commits, and releases everything.
   */
  public void stop() {
    loop.stop();
  }

  /**
   * Waits for the worker to stop; true if it did. Releases the producer and the endpoint
   * afterwards.
   */
  public boolean awaitStopped(Duration timeout) throws InterruptedException {
    loopThread.join(timeout.toMillis());
    if (loopThread.isAlive()) {
      return false;
    }
    release();
    return true;
  }

  /**
   * Closes what the poll loop used, once: {@code run}'s main thread and the signal handler may both
   * be waiting for the stop, and the second one returns only after the first finished this.
   */
  private synchronized void release() {
    if (released) {
      return;
    }
    released = true;
    awaitCreatesRecorded();
    ledger.close();
    sender.close();
    producer.close(Duration.ofSeconds(5));
    guarantee.close();
    scheduler.shutdownNow();
    metricsServer.close();
    pingOne.executor().shutdown();
  }

  /**
   * Gives the creates still on the wire, which no longer hold up the stop (their partitions are
   * released, their replies not waited for), the time their requests may take to record their
   * outcome in the ledger: the partitions' next owners wait for it instead of calling PingOne
   * again.
   */
  private void awaitCreatesRecorded() {
    int open = ledgerStep.unrecorded();
    if (open == 0) {
      return;
    }
    log.info(
        "Waiting up to {} for {} creates on the wire to record their outcome", handoverWait, open);
    try {
      if (!ledgerStep.awaitRecorded(handoverWait)) {
        log.warn(
            "{} creates did not record their outcome: their next owner treats them as unfinished",
            ledgerStep.unrecorded());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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

  /**
   * What must happen before the consumer joins its group: under the consumer protocol, a static
   * member releases the instance ID a predecessor killed without leaving still holds (the classic
   * protocol hands it over by itself).
   */
  private static Runnable beforeJoin(WorkerConfig config, String instanceId) {
    if (instanceId.isEmpty()
        || KafkaClients.groupProtocol(config.kafkaProperties()) != GroupProtocol.CONSUMER) {
      return () -> {};
    }
    return () ->
        StaticMembership.releaseFromDeadPredecessor(
            config.kafkaProperties(), config.groupId(), instanceId, RELEASE_TIMEOUT);
  }

  private static Guarantee guarantee(
      WorkerConfig config,
      AcknowledgedSender sender,
      OffsetTracker offsets,
      WorkerMetrics metrics) {
    if (config.get(ProcessingSettings.GUARANTEE) == ProcessingGuarantee.AT_LEAST_ONCE) {
      return Guarantee.atLeastOnce(sender, offsets);
    }
    String transactionalId = config.get(ProcessingSettings.TRANSACTIONAL_ID);
    return Guarantee.exactlyOnce(
        new KafkaProducer<>(
            KafkaClients.transactionalProducer(config.kafkaProperties(), transactionalId)),
        transactionalId,
        config.get(ProcessingSettings.TRANSACTION_INTERVAL),
        offsets,
        metrics);
  }

  private static Ledger ledger(
      WorkerConfig config,
      AcknowledgedSender sender,
      ObjectMapper json,
      Clock clock,
      WorkerMetrics metrics,
      Duration handoverWait) {
    if (!config.get(LedgerSettings.ENABLED)) {
      return Ledger.disabled();
    }
    String topic = config.get(LedgerSettings.TOPIC);
    Duration retention = config.get(LedgerSettings.RETENTION);
    return new KafkaLedger(
        topic,
        config.commandsTopic(),
        new LedgerLimits(retention, config.get(LedgerSettings.MAX_ENTRIES), handoverWait),
        () -> new KafkaConsumer<>(KafkaClients.ledgerReader(config.kafkaProperties())),
        sender,
        json,
        clock,
        config.get(LedgerSettings.CREATE_TOPIC)
            ? partitions ->
                Topics.ensureLedger(config.kafkaProperties(), topic, partitions, retention)
            : null,
        metrics,
        LedgerWriter.thisProcess(config.get(WorkerSettings.INSTANCE_ID)));
  }

  private static CommandPolicy commandPolicy(WorkerConfig config) {
    List<String> environments = config.get(SecuritySettings.ENVIRONMENTS_ALLOWED);
    if (environments.isEmpty()) {
      log.warn(
          "pingone.environments.allowed is empty: commands may target every PingOne environment"
              + " the worker application can reach");
    }
    return CommandPolicy.of(
        environments,
        config.get(SecuritySettings.REPLY_TOPIC_PATTERN),
        config.repliesTopic(),
        config.get(SecuritySettings.MAX_RECORD_BYTES));
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
