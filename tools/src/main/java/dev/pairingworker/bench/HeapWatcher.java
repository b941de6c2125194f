package dev.pairingworker.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap and RSS of this JVM while it watches; the RSS peak is reset when watching starts.
 * "Used" heap peaks just before each collection and mostly measures garbage the young generation
 * has not yet swept; the heap left after each collection is what the process really kept alive, so
 * both are reported. The second comes from the collectors' notifications, so no collection between
 * samples is missed.
 */
final class HeapWatcher implements NotificationListener, MemoryProbe {
  private final Set<String> heapPools;
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final AtomicLong peakUsed = new AtomicLong();
  private final AtomicLong peakAfterGc = new AtomicLong();
  private final ProcessMemory process = ProcessMemory.self();

  HeapWatcher() {
    process.resetPeakRss();
    heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toUnmodifiableSet());
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(this, null, null);
        emitters.add(emitter);
      }
    }
  }

  @Override
  public void sample() {
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    peakUsed.accumulateAndGet(used, Math::max);
  }

  @Override
  public Figures figures() {
    return new Figures(
        "this process: broker, simulator, worker and client",
        peakUsed.get(),
        peakAfterGc.get(),
        process.peakRssBytes());
  }

  @Override
  public void handleNotification(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    // The usage before the collection is the true peak of "used", which sampling may fall short of.
    peakUsed.accumulateAndGet(
        heapTotal(info.getGcInfo().getMemoryUsageBeforeGc().entrySet()), Math::max);
    peakAfterGc.accumulateAndGet(
        heapTotal(info.getGcInfo().getMemoryUsageAfterGc().entrySet()), Math::max);
  }

  private long heapTotal(Set<java.util.Map.Entry<String, MemoryUsage>> pools) {
    return pools.stream()
        .filter(pool -> heapPools.contains(pool.getKey()))
        .mapToLong(pool -> pool.getValue().getUsed())
        .sum();
  }

  @Override
  public void close() {
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(this);
      } catch (ListenerNotFoundException e) {
        // already gone
      }
    }
  }
}
