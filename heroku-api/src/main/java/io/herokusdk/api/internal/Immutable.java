package io.herokusdk.api.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Null-tolerant unmodifiable copies for generated records (JSON arrays may hold nulls). */
public final class Immutable {
  private Immutable() {}

  /** An unmodifiable copy of {@code list}, or null. */
  public static <T> @Nullable List<T> list(@Nullable List<T> list) {
    return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
  }

  /** An unmodifiable, order-keeping copy of {@code map}, or null. */
  public static <K, V> @Nullable Map<K, V> map(@Nullable Map<K, V> map) {
    return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
