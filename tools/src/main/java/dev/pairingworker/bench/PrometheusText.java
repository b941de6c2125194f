package dev.pairingworker.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads samples out of a Prometheus text exposition (the worker's {@code /metrics}), for a
 * benchmark that watches a worker in another process.
 */
public final class PrometheusText {
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private PrometheusText() {}

  /**
   * The sum of the samples of {@code metric} whose labels include all of {@code labels}, e.g. the
   * heap in use summed over the heap pools; NaN when there is no such sample.
   */
  public static double sum(String exposition, String metric, Map<String, String> labels) {
    double sum = 0;
    boolean found = false;
    for (String line : exposition.split("\n")) {
      if (line.isEmpty() || line.startsWith("#") || !line.startsWith(metric)) {
        continue;
      }
      String rest = line.substring(metric.length());
      Map<String, String> sampleLabels = new HashMap<>();
      if (rest.startsWith("{")) {
        int end = rest.lastIndexOf('}');
        if (end < 0) {
          continue;
        }
        Matcher label = LABEL.matcher(rest.substring(1, end));
        while (label.find()) {
          sampleLabels.put(label.group(1), label.group(2));
        }
        rest = rest.substring(end + 1);
      } else if (!rest.startsWith(" ")) {
        continue; // another metric whose name starts with this one
      }
      if (!sampleLabels.entrySet().containsAll(labels.entrySet())) {
        continue;
      }
      String[] valueAndTime = rest.trim().split("\\s+");
      try {
        sum += Double.parseDouble(valueAndTime[0]);
        found = true;
      } catch (NumberFormatException e) {
        // not a sample line
      }
    }
    return found ? sum : Double.NaN;
  }
}
