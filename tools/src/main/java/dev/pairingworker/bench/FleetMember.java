package dev.pairingworker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pairingworker.command.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * One worker process of a {@code bench --fleet} run: started and stopped like {@code
 * --worker-process}'s, watched through its {@code /metrics} ({@link WorkerProcessWatch}) and asked
 * which partitions it owns through its {@code /health/live}.
 */
final class FleetMember implements AutoCloseable {
  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

  /**
   * Background scrapes (calls in flight, pace, memory) once a second rather than every 250 ms: a
   * scrape costs its worker CPU, and a fleet shares the machine's cores. The phase figures scrape
   * when they need to.
   */
  private static final Duration SCRAPE_PERIOD = Duration.ofSeconds(1);

  private final String name;
  private final WorkerProcess process;
  private final WorkerProcessWatch watch = new WorkerProcessWatch(SCRAPE_PERIOD);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(HEALTH_TIMEOUT).build();
  private volatile Integer exitCode;

  private FleetMember(String name, WorkerProcess process) {
    this.name = name;
    this.process = process;
    watch.attach(process);
  }

  /** Starts a worker named {@code name} (for the report) on {@code settings}. */
  static FleetMember start(String name, Map<String, String> settings, WorkerProcessOptions launch)
      throws IOException {
    return new FleetMember(name, WorkerProcess.start(settings, launch));
  }

  String name() {
    return name;
  }

  WorkerProcessWatch watch() {
    return watch;
  }

  /** Whether it runs: started, and not stopped by {@link #stop}. */
  boolean running() {
    return exitCode == null && process.isAlive();
  }

  /**
   * The partitions of the commands topic it owns now, as its {@code /health/live} says; -1 when it
   * does not answer (starting, or gone).
   */
  int assignedPartitions() {
    URI health = process.metrics().resolve("/health/live");
    HttpRequest request = HttpRequest.newBuilder(health).timeout(HEALTH_TIMEOUT).build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode body = Json.mapper().readTree(response.body());
      return body.path("assignedPartitions").asInt(-1);
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Its PingOne calls and 429s so far (from a scrape now), and when they were read. */
  record Counters(double requests, double rateLimited, long atNanos) {}

  /** Scrapes its {@code /metrics} now and returns its counters. */
  Counters counters() {
    watch.sampleNow();
    return new Counters(watch.pingOneRequests(), watch.pingOneRateLimited(), System.nanoTime());
  }

  /**
   * Its figures from {@code before} until now: calls and 429s per second between the two scrapes,
   * and the partitions it owns and its pace now.
   */
  PhaseFigures.Worker figuresSince(Counters before) {
    Counters now = counters();
    double seconds = (now.atNanos() - before.atNanos()) / 1e9;
    return new PhaseFigures.Worker(
        name,
        assignedPartitions(),
        (now.requests() - before.requests()) / seconds,
        (now.rateLimited() - before.rateLimited()) / seconds,
        watch.limiterRate());
  }

  /**
   * Reads its counters once more, then stops it with SIGTERM (it leaves the group) and waits for
   * its exit code: 0 for a clean stop, -1 when it had to be killed.
   */
  int stop(Duration timeout) throws InterruptedException {
    watch.sampleNow();
    exitCode = process.stop(timeout);
    return exitCode;
  }

  /** The exit code after {@link #stop}; null while it runs. */
  Integer exitCode() {
    return exitCode;
  }

  /** The last lines of its log, to show why it failed. */
  String logTail(int lines) {
    return process.log() + ":\n" + process.logTail(lines);
  }

  @Override
  public void close() {
    process.close();
  }
}
