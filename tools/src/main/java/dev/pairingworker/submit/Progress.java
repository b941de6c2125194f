package dev.pairingworker.submit;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Progress with rate and ETA: one line redrawn in place on a terminal, a plain line every few
 * seconds otherwise (a log file or CI output should not fill with carriage returns).
 */
final class Progress {
  private static final Duration TERMINAL_EVERY = Duration.ofMillis(200);
  private static final Duration PLAIN_EVERY = Duration.ofSeconds(5);
  private static final Duration MIN_MEASURED = Duration.ofSeconds(1);
  private static final int BAR_WIDTH = 30;

  private final PrintStream out;
  private final boolean terminal;
  private final Clock clock;
  private final String label;
  private final int total;
  private final Instant start;
  private Instant lastShown = Instant.MIN;

  Progress(PrintStream out, boolean terminal, Clock clock, String label, int total) {
    this.out = out;
    this.terminal = terminal;
    this.clock = clock;
    this.label = label;
    this.total = total;
    this.start = clock.instant();
  }

  /** Shows {@code done} when the last line is old enough. */
  void update(int done) {
    Instant now = clock.instant();
    if (Duration.between(lastShown, now).compareTo(terminal ? TERMINAL_EVERY : PLAIN_EVERY) >= 0) {
      show(done, now);
    }
  }

  /** Shows the final count and ends the line. */
  void finish(int done) {
    show(done, clock.instant());
    if (terminal) {
      out.println();
    }
  }

  private void show(int done, Instant now) {
    lastShown = now;
    String text = line(done, Duration.between(start, now));
    if (terminal) {
      out.print("\r" + text);
      out.flush();
    } else {
      out.println(text);
    }
  }

  String line(int done, Duration elapsed) {
    // Within the first second a rate is noise (one reply in 1 ms is not 1000/s).
    boolean measured = elapsed.compareTo(MIN_MEASURED) >= 0 && done > 0;
    double rate = measured ? done * 1000.0 / elapsed.toMillis() : 0;
    String eta = measured && done < total ? clockTime((long) ((total - done) / rate)) : "-";
    String counts =
        String.format(
            Locale.ROOT,
            "%s %d/%d (%d%%), %s/s, ETA %s",
            label,
            done,
            total,
            total == 0 ? 100 : done * 100L / total,
            measured ? String.format(Locale.ROOT, "%.1f", rate) : "-",
            eta);
    return terminal ? bar(done) + " " + counts : counts;
  }

  private String bar(int done) {
    int filled = total == 0 ? BAR_WIDTH : (int) ((long) done * BAR_WIDTH / total);
    return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "]";
  }

  private static String clockTime(long seconds) {
    return String.format(
        Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
}
