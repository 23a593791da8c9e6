package io.herokusdk.mail.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import io.herokusdk.mail.ProviderError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/** Small JSON helpers over Moshi's streaming API. Not API. */
public final class Json {
  private static final JsonAdapter<Object> ANY = new Moshi.Builder().build().adapter(Object.class);

  private Json() {}

  /** Writes a JSON-like value: null, String, Number, Boolean, Map, Collection. */
  public static void writeValue(JsonWriter out, Object value) throws IOException {
    if (value == null) {
      out.nullValue();
    } else if (value instanceof String s) {
      out.value(s);
    } else if (value instanceof Boolean b) {
      out.value(b);
    } else if (value instanceof Number n) {
      out.value(n);
    } else if (value instanceof Map<?, ?> map) {
      out.beginObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.name(String.valueOf(e.getKey()));
        writeValue(out, e.getValue());
      }
      out.endObject();
    } else if (value instanceof Collection<?> list) {
      out.beginArray();
      for (Object item : list) writeValue(out, item);
      out.endArray();
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  /** Returns why {@code value} cannot be written as JSON, or null if it can. */
  public static @Nullable String unsupportedValue(@Nullable Object value) {
    if (value == null || value instanceof String || value instanceof Boolean) return null;
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? null : "numbers must be finite, got " + n;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String)) return "map keys must be strings";
        String problem = unsupportedValue(e.getValue());
        if (problem != null) return problem;
      }
      return null;
    }
    if (value instanceof Collection<?> list) {
      for (Object item : list) {
        String problem = unsupportedValue(item);
        if (problem != null) return problem;
      }
      return null;
    }
    return "must be a string, number, boolean, map, list or null, not "
        + value.getClass().getSimpleName();
  }

  /** Returns the UTF-8 size of {@code customArgs} written as a JSON object. */
  public static int customArgsSize(Map<String, String> customArgs) {
    Buffer buffer = new Buffer();
    try (JsonWriter out = JsonWriter.of(buffer)) {
      writeValue(out, customArgs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return (int) buffer.size();
  }

  /** Parses any JSON text into maps, lists, strings, doubles, booleans and nulls (null for null). */
  public static @Nullable Object parse(String json) throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
    reader.setLenient(false);
    return ANY.fromJson(reader);
  }

  /**
   * Reads SendGrid's {@code {"errors":[{"message","field","help"}]}} or Mailgun's
   * {@code {"message": ...}}. A body that is neither becomes one error holding its first 200
   * characters; an empty body gives an empty list.
   */
  public static List<ProviderError> parseErrors(String body) {
    List<ProviderError> errors = new ArrayList<>();
    if (body == null || body.isBlank()) return errors;
    Object parsed;
    try {
      parsed = parse(body);
    } catch (IOException | RuntimeException e) {
      parsed = null;
    }
    if (parsed instanceof Map<?, ?> map) {
      if (map.get("errors") instanceof List<?> list) {
        for (Object item : list) {
          if (item instanceof Map<?, ?> error) {
            Object message = error.get("message");
            errors.add(new ProviderError(
                message == null ? "(no message)" : String.valueOf(message),
                text(error.get("field")),
                text(error.get("help"))));
          }
        }
        return errors;
      }
      if (map.get("message") != null) {
        errors.add(new ProviderError(String.valueOf(map.get("message")), null, null));
        return errors;
      }
    }
    String trimmed = body.strip();
    errors.add(new ProviderError(
        trimmed.length() > 200 ? trimmed.substring(0, 200) + "..." : trimmed, null, null));
    return errors;
  }

  private static @Nullable String text(@Nullable Object value) {
    if (value == null) return null;
    String s = String.valueOf(value);
    return s.isEmpty() || s.equals("null") ? null : s;
  }
}
