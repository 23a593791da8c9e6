package io.herokusdk.api.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Maps a generated enum to its wire values; unknown values become the enum's UNKNOWN. */
public final class EnumAdapter<E extends Enum<E>> extends JsonAdapter<E> {
  private final Function<@Nullable String, E> fromValue;
  private final Function<E, @Nullable String> toValue;

  /** Creates the adapter from the enum's {@code fromValue} and {@code value} methods. */
  public EnumAdapter(Function<@Nullable String, E> fromValue, Function<E, @Nullable String> toValue) {
    this.fromValue = fromValue;
    this.toValue = toValue;
  }

  @Override
  public @Nullable E fromJson(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    return fromValue.apply(reader.nextString());
  }

  @Override
  public void toJson(JsonWriter writer, @Nullable E value) throws IOException {
    String wire = value == null ? null : toValue.apply(value);
    if (wire == null) {
      writer.nullValue();
    } else {
      writer.value(wire);
    }
  }
}
