package dev.pairingworker.worker;

import dev.pairingworker.dispatch.Dispatcher;
import dev.pairingworker.dispatch.OffsetTracker;
import dev.pairingworker.metrics.Metric;
import dev.pairingworker.metrics.WorkerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/** Binds the gauges and the JVM and Kafka client meters. */
final class Meters {
  /**
   * How often the Kafka clients' metric list is re-read: per-partition meters such as {@code
   * kafka_consumer_fetch_manager_records_lag} appear only after the first refresh that follows a
   * partition assignment (Micrometer's default is a minute).
   */
  static final Duration KAFKA_METRICS_REFRESH = Duration.ofSeconds(10);

  private Meters() {}

  @SuppressWarnings("resource") // the binders live as long as the registry
  static void bind(
      WorkerMetrics metrics,
      MeterRegistry registry,
      Consumer<byte[], byte[]> consumer,
      Producer<byte[], byte[]> producer,
      Dispatcher dispatcher,
      OffsetTracker offsets,
      PingOneClient pingOne) {
    metrics.gauge(Metric.IN_FLIGHT, () -> pingOne.slots().inUse());
    metrics.gauge(Metric.WAITING_FOR_SLOT, () -> pingOne.slots().waiting());
    metrics.gauge(Metric.ACTIVE, dispatcher::active);
    metrics.gauge(Metric.QUEUED, dispatcher::queued);
    metrics.gauge(Metric.RATE_LIMIT, () -> pingOne.currentRate().orElse(Double.NaN));
    metrics.gauge(Metric.BUFFERED, offsets::pending);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    ScheduledExecutorService refresher =
        Executors.newSingleThreadScheduledExecutor(Worker.daemon("kafka-metrics"));
    new KafkaClientMetrics(consumer, List.of(), refresher, KAFKA_METRICS_REFRESH).bindTo(registry);
    new KafkaClientMetrics(producer, List.of(), refresher, KAFKA_METRICS_REFRESH).bindTo(registry);
  }
}
