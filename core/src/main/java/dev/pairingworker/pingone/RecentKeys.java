package dev.pairingworker.pingone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The pairing keys this worker created within the last {@code grace} ({@code
 * pingone.retry.not-found-grace}), so that a get or delete answered 404 for one of them can be told
 * apart from a key that is really gone: PingOne may not show a resource on every replica right
 * after its creation. Bounded twice: an entry leaves once its grace is over (checked at each
 * creation, oldest first), and beyond {@link #MAX_KEYS} the oldest leaves first, so a burst of
 * creates cannot grow it without limit (a key forgotten early just gets its 404 answered at once,
 * as before this memory existed). Thread-safe.
 */
public final class RecentKeys {
  /** About 2 MB; holds 10,000 creates per second at the default grace of 2 s. */
  static final int MAX_KEYS = 20_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Duration grace;
  private final Clock clock;
  private final Map<String, Instant> graceEnds = new LinkedHashMap<>();

  public RecentKeys(Duration grace, Clock clock) {
    this.grace = Objects.requireNonNull(grace, "grace");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A memory that holds nothing: every 404 is final. */
  public static RecentKeys none() {
    return new RecentKeys(Duration.ZERO, Clock.systemUTC());
  }

  /** Remembers the key PingOne just returned for a create (its {@code id}). */
  void created(byte[] body) {
    if (grace.isZero()) {
      return;
    }
    String id = idOf(body);
    if (id == null) {
      return;
    }
    Instant now = clock.instant();
    synchronized (graceEnds) {
      graceEnds.remove(id);
      graceEnds.put(id, now.plus(grace));
      Iterator<Instant> oldestFirst = graceEnds.values().iterator();
      while (oldestFirst.hasNext()) {
        Instant end = oldestFirst.next();
        if (end.isAfter(now) && graceEnds.size() <= MAX_KEYS) {
          break;
        }
        oldestFirst.remove();
      }
    }
  }

  /** The key was deleted: a later 404 for it is final. */
  void deleted(String keyId) {
    synchronized (graceEnds) {
      graceEnds.remove(keyId);
    }
  }

  /** Until when a 404 for {@code keyId} may be replication lag; null when it is final. */
  Instant graceEnd(String keyId) {
    if (keyId == null) {
      return null;
    }
    synchronized (graceEnds) {
      return graceEnds.get(keyId);
    }
  }

  int size() {
    synchronized (graceEnds) {
      return graceEnds.size();
    }
  }

  private static String idOf(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      JsonNode id = JSON.readTree(body).path("id");
      return id.isTextual() ? id.asText() : null;
    } catch (IOException e) {
      return null;
    }
  }
}
