package io.herokusdk.testing.herokuapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Heroku's {@code Range} / {@code Next-Range} paging over a list of JSON objects. */
final class Ranges {
  /** The page size without a {@code max}, as Heroku. */
  static final int DEFAULT_MAX = 200;
  /** The largest {@code max} Heroku accepts. */
  static final int LIMIT = 1000;

  // "id ..; max=1000", "name ]my-app..; order=desc, max=10", "name a..m"
  private static final Pattern RANGE =
      Pattern.compile("^\\s*(\\w+)\\s*(\\]?)([^.;]*)\\.\\.([^;]*?)\\s*(?:;(.*))?$");

  private Ranges() {}

  /**
   * One page.
   *
   * @param items the objects on it
   * @param nextRange the {@code Next-Range} to send, or null on the last page
   * @param contentRange the {@code Content-Range} to send, or null for an empty page
   */
  record Page(List<Map<String, Object>> items, @Nullable String nextRange,
      @Nullable String contentRange) {}

  /**
   * The page of {@code all} that {@code header} asks for, sorted by the range's field.
   *
   * @throws IllegalArgumentException if the header cannot be parsed, names a field not in {@code
   *     fields}, or asks for a {@code max} outside 1..1000
   */
  static Page page(List<Map<String, Object>> all, @Nullable String header, String defaultField,
      Set<String> fields) {
    String field = defaultField;
    String start = "";
    boolean exclusive = false;
    String end = "";
    boolean descending = false;
    int max = DEFAULT_MAX;
    if (header != null && !header.isBlank()) {
      Matcher m = RANGE.matcher(header);
      if (!m.matches()) throw new IllegalArgumentException("unparsable Range: " + header);
      field = m.group(1);
      exclusive = !m.group(2).isEmpty();
      start = m.group(3).trim();
      end = m.group(4).trim();
      if (m.group(5) != null) {
        for (String option : m.group(5).split(",")) {
          String[] kv = option.trim().split("=", 2);
          if (kv.length != 2) throw new IllegalArgumentException("bad Range option: " + option);
          switch (kv[0].trim()) {
            case "max" -> {
              try {
                max = Integer.parseInt(kv[1].trim());
              } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad max: " + kv[1], e);
              }
            }
            case "order" -> {
              String order = kv[1].trim();
              if (!order.equals("asc") && !order.equals("desc")) {
                throw new IllegalArgumentException("bad order: " + order);
              }
              descending = order.equals("desc");
            }
            default -> throw new IllegalArgumentException("unknown Range option: " + kv[0]);
          }
        }
      }
    }
    if (!fields.contains(field)) {
      throw new IllegalArgumentException("cannot sort by " + field + "; one of " + fields);
    }
    if (max < 1 || max > LIMIT) throw new IllegalArgumentException("max must be 1.." + LIMIT);
    String key = field;
    Comparator<Map<String, Object>> order = (a, b) ->
        compareValues(String.valueOf(a.get(key)), String.valueOf(b.get(key)));
    if (descending) order = order.reversed();
    List<Map<String, Object>> sorted = new ArrayList<>(all);
    sorted.sort(order);
    List<Map<String, Object>> inRange = new ArrayList<>();
    for (Map<String, Object> item : sorted) {
      String value = String.valueOf(item.get(field));
      int fromStart = descending ? compareValues(start, value) : compareValues(value, start);
      int toEnd = descending ? compareValues(end, value) : compareValues(value, end);
      if (!start.isEmpty() && (exclusive ? fromStart <= 0 : fromStart < 0)) continue;
      if (!end.isEmpty() && toEnd > 0) continue;
      inRange.add(item);
    }
    List<Map<String, Object>> items = List.copyOf(inRange.subList(0, Math.min(max, inRange.size())));
    String options = (descending ? "order=desc, " : "") + "max=" + max;
    String next = null;
    if (inRange.size() > items.size()) {
      next = field + " ]" + items.get(items.size() - 1).get(field) + ".." + end + "; " + options;
    }
    String content = items.isEmpty() ? null : field + " " + items.get(0).get(field) + ".."
        + items.get(items.size() - 1).get(field) + "; " + options;
    return new Page(items, next, content);
  }

  /** Compares whole numbers (like release versions) by value, everything else as text. */
  static int compareValues(String a, String b) {
    if (a.matches("-?\\d{1,18}") && b.matches("-?\\d{1,18}")) {
      return Long.compare(Long.parseLong(a), Long.parseLong(b));
    }
    return a.compareTo(b);
  }
}
