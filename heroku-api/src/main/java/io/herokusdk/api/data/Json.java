package io.herokusdk.api.data;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads the Data API's JSON (Moshi maps: numbers are doubles) into the records' types. */
final class Json {
  private static final DateTimeFormatter DATA_API_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");

  private Json() {}

  static @Nullable String string(Map<String, Object> json, String key) {
    return text(json.get(key));
  }

  static @Nullable String text(@Nullable Object value) {
    if (value == null) return null;
    if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
      return String.valueOf(d.longValue());
    }
    return String.valueOf(value);
  }

  static long number(Map<String, Object> json, String key, long otherwise) {
    return json.get(key) instanceof Number n ? n.longValue() : otherwise;
  }

  static boolean flag(Map<String, Object> json, String key) {
    return Boolean.TRUE.equals(json.get(key));
  }

  static @Nullable Boolean optionalFlag(Map<String, Object> json, String key) {
    return json.get(key) instanceof Boolean b ? b : null;
  }

  /** ISO-8601, or the Data API's {@code 2025-01-06 09:00:00 +0000}. */
  static @Nullable Instant time(Map<String, Object> json, String key) {
    String text = string(json, key);
    if (text == null || text.isBlank()) return null;
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return OffsetDateTime.parse(text, DATA_API_TIME).toInstant();
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(@Nullable Object value) {
    return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
  }

  static List<Map<String, Object>> objects(@Nullable Object value) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) out.add(object(item));
    }
    return out;
  }

  static List<String> strings(@Nullable Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        String text = text(item);
        if (text != null) out.add(text);
      }
    }
    return List.copyOf(out);
  }

  static List<InfoLine> info(Map<String, Object> json) {
    return objects(json.get("info")).stream()
        .map(line -> new InfoLine(String.valueOf(string(line, "name")), strings(line.get("values"))))
        .toList();
  }
}
