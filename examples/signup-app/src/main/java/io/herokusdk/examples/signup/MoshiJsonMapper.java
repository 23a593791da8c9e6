package io.herokusdk.examples.signup;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.javalin.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;

/** Javalin's JSON through Moshi (already on the classpath for heroku-redis), not Jackson. */
final class MoshiJsonMapper implements JsonMapper {
  private final Moshi moshi = new Moshi.Builder().build();

  @Override
  public String toJsonString(Object value, Type type) {
    // Maps and lists are written by their runtime types (Moshi has no adapter for LinkedHashMap).
    if (value instanceof Map || value instanceof Collection) {
      return moshi.adapter(Object.class).toJson(value);
    }
    return moshi.adapter(type).toJson(value);
  }

  @Override
  public <T> T fromJsonString(String json, Type type) {
    JsonAdapter<T> adapter = moshi.adapter(type);
    try {
      return adapter.fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
