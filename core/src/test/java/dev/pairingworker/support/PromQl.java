package dev.pairingworker.support;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough PromQL reading to find the metric names an expression selects. */
public final class PromQl {
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*\\}");
  private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*\\]");
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");
  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "bool",
          "offset",
          "inf",
          "nan",
          "group_left",
          "group_right",
          "by",
          "without",
          "on",
          "ignoring");

  private PromQl() {}

  /** The metric names selected by {@code expr}, in order of appearance. */
  public static Set<String> metricNames(String expr) {
    String rest = STRING.matcher(expr).replaceAll("\"\"");
    rest = GROUPING.matcher(rest).replaceAll(" ");
    rest = MATCHERS.matcher(rest).replaceAll(" ");
    rest = RANGE.matcher(rest).replaceAll(" ");
    Set<String> out = new LinkedHashSet<>();
    Matcher m = IDENTIFIER.matcher(rest);
    while (m.find()) {
      if (!KEYWORDS.contains(m.group(1).toLowerCase(java.util.Locale.ROOT))) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  /**
   * The family a series name belongs to: a histogram's {@code _bucket}, {@code _count} and {@code
   * _sum} series all map to its base name.
   */
  public static String family(String seriesName) {
    return seriesName.replaceFirst("_(bucket|count|sum)$", "");
  }
}
