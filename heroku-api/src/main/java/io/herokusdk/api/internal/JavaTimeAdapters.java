package io.herokusdk.api.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** ISO-8601 adapters for {@link Instant} (date-time) and {@link LocalDate} (date). */
public final class JavaTimeAdapters {
  private JavaTimeAdapters() {}

  /** {@code "2012-01-01T12:00:00Z"} (any offset accepted) ↔ {@link Instant}. */
  public static final JsonAdapter<Instant> INSTANT = new JsonAdapter<Instant>() {
    @Override
    public @Nullable Instant fromJson(JsonReader reader) throws IOException {
      if (reader.peek() == JsonReader.Token.NULL) {
        return reader.nextNull();
      }
      String s = reader.nextString();
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (RuntimeException e) {
        return Instant.parse(s);
      }
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable Instant value) throws IOException {
      if (value == null) {
        writer.nullValue();
      } else {
        writer.value(value.toString());
      }
    }
  };

  /** {@code "2012-01-01"} ↔ {@link LocalDate}. */
  public static final JsonAdapter<LocalDate> LOCAL_DATE = new JsonAdapter<LocalDate>() {
    @Override
    public @Nullable LocalDate fromJson(JsonReader reader) throws IOException {
      if (reader.peek() == JsonReader.Token.NULL) {
        return reader.nextNull();
      }
      return LocalDate.parse(reader.nextString());
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable LocalDate value) throws IOException {
      if (value == null) {
        writer.nullValue();
      } else {
        writer.value(value.toString());
      }
    }
  };
}
