package io.herokusdk.api;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Builds a value of any generated type with every field set; reflection, tests only. */
final class DummyValues {
  /** The value every path parameter gets: it needs percent-encoding. */
  static final String PATH_VALUE = "my app/ü@x";

  private DummyValues() {}

  static Object of(Type type) {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (raw == List.class) {
        return List.of(of(args[0]));
      }
      if (raw == Map.class) {
        return Map.of("FOO_1", of(args[1]));
      }
      throw new IllegalArgumentException("unexpected " + type);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class || c == Object.class) {
      return "x";
    }
    if (c == Long.class) {
      return 1L;
    }
    if (c == Double.class) {
      return 1.5;
    }
    if (c == Boolean.class) {
      return Boolean.TRUE;
    }
    if (c == Instant.class) {
      return Instant.parse("2024-01-02T03:04:05Z");
    }
    if (c == LocalDate.class) {
      return LocalDate.of(2024, 1, 2);
    }
    if (c.isEnum()) {
      return c.getEnumConstants()[0];
    }
    if (c.isRecord()) {
      RecordComponent[] components = c.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      Object[] values = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] = of(components[i].getGenericType());
      }
      try {
        Constructor<?> ctor = c.getDeclaredConstructor(types);
        return ctor.newInstance(values);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalArgumentException("unexpected " + type);
  }
}
