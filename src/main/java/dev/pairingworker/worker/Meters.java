package dev.pairingworker.worker;

import dev.pairingworker.dispatch.OffsetTracker;
import dev.pairingworker.kafka.RecordHandler;
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
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/** Binds the gauges and the JVM and Kafka client meters. */
final class Meters {
  private Meters() {}

  @SuppressWarnings("resource") // the binders live as long as the registry
  static void bind(
      WorkerMetrics metrics,
      MeterRegistry registry,
      Consumer<byte[], byte[]> consumer,
      Producer<byte[], byte[]> producer,
      RecordHandler handler,
      OffsetTracker offsets,
      PingOneClient pingOne) {
    metrics.gauge(Metric.IN_FLIGHT, () -> pingOne.slots().inUse());
    metrics.gauge(Metric.WAITING_FOR_SLOT, () -> pingOne.slots().waiting());
    metrics.gauge(Metric.ACTIVE, () -> handler.dispatcher().inFlight());
    metrics.gauge(Metric.QUEUED, () -> handler.dispatcher().queued());
    metrics.gauge(Metric.RATE_LIMIT, () -> pingOne.currentRate().orElse(Double.NaN));
    metrics.gauge(Metric.BUFFERED, offsets::pending);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new KafkaClientMetrics(consumer).bindTo(registry);
    new KafkaClientMetrics(producer).bindTo(registry);
  }
}
