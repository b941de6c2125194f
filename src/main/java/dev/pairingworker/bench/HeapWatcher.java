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
 * Peak heap of this JVM while it watches. "Used" heap peaks just before each collection and mostly
 * measures garbage the young generation has not yet swept; the heap left after each collection is
 * what the process really kept alive, so both are reported. The second comes from the collectors'
 * notifications, so no collection between samples is missed.
 */
final class HeapWatcher implements NotificationListener, AutoCloseable {
  private final Set<String> heapPools;
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final AtomicLong peakUsed = new AtomicLong();
  private final AtomicLong peakAfterGc = new AtomicLong();

  HeapWatcher() {
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

  /** Records the heap in use now; call it often (a sampler does). */
  void sample() {
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    peakUsed.accumulateAndGet(used, Math::max);
  }

  long peakUsedBytes() {
    return peakUsed.get();
  }

  /** The largest heap left after a collection; 0 when none ran while watching. */
  long peakAfterGcBytes() {
    return peakAfterGc.get();
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
