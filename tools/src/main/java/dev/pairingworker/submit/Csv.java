package dev.pairingworker.submit;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The small part of RFC 4180 the batch files need: one record per line, quoted fields. */
final class Csv {
  private Csv() {}

  /** The fields of one line; a quoted field may contain commas and doubled quotes. */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(field.toString().strip());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString().strip());
    return out;
  }

  /** One line of fields, quoting those that need it. */
  static String line(List<String> fields) {
    return fields.stream().map(Csv::quote).collect(Collectors.joining(","));
  }

  private static String quote(String field) {
    if (field == null) {
      return "";
    }
    if (field.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
      return '"' + field.replace("\"", "\"\"") + '"';
    }
    return field;
  }
}
