package io.herokusdk.redis;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import io.herokusdk.redis.internal.SingleFlight;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cache-aside with JSON values (Moshi), under keys {@code cache:<key>}.
 *
 * <p>{@link #getOrCompute(String, Duration, Class, Supplier)} runs at most one loader per key at
 * a time in this process: concurrent callers for the same missing key wait for that loader and
 * share its value (stampede protection). If Redis is unreachable the loader's value is returned
 * uncached and a warning is logged, so the app keeps working without its cache.
 */
public final class RedisCache {
  private static final Logger log = LoggerFactory.getLogger(RedisCache.class);
  static final String NAMESPACE = "cache";

  private final HerokuRedis redis;
  private final SingleFlight<String> singleFlight = new SingleFlight<>();
  private final AtomicBoolean evictionChecked = new AtomicBoolean();

  RedisCache(HerokuRedis redis) {
    this.redis = redis;
  }

  /**
   * Returns the cached value of {@code key}, or computes it with {@code loader}, stores it for
   * {@code ttl} and returns it. A null from the loader is returned and not cached.
   *
   * @param <T> the value's type
   * @param key the cache key, stored as {@code cache:<key>}
   * @param ttl how long a computed value stays cached; at least 1 ms
   * @param type the value's class, for Moshi; a record must be public, and so must the classes
   *     around it
   * @param loader computes the value on a miss; at most one runs per key at a time in this
   *     process
   * @return the cached or computed value; null only if the loader returned null
   * @throws RuntimeException whatever the loader throws, to every caller waiting on it
   */
  public <T> @Nullable T getOrCompute(String key, Duration ttl, Class<T> type,
      Supplier<? extends T> loader) {
    return getOrCompute(key, ttl, (Type) type, loader);
  }

  /**
   * Like {@link #getOrCompute(String, Duration, Class, Supplier)} for generic types, e.g.
   * {@code Types.newParameterizedType(List.class, User.class)}.
   *
   * @param <T> the value's type
   * @param key the cache key, stored as {@code cache:<key>}
   * @param ttl how long a computed value stays cached; at least 1 ms
   * @param type the value's type, for Moshi; records in it must be public, as for
   *     {@link #getOrCompute(String, Duration, Class, Supplier)}
   * @param loader computes the value on a miss; at most one runs per key at a time in this
   *     process
   * @return the cached or computed value; null only if the loader returned null
   * @throws RuntimeException whatever the loader throws, to every caller waiting on it
   */
  public <T> @Nullable T getOrCompute(String key, Duration ttl, Type type,
      Supplier<? extends T> loader) {
    Objects.requireNonNull(loader, "loader == null");
    requirePositive(ttl);
    JsonAdapter<T> adapter = adapter(type);
    String redisKey = redisKey(key);
    Optional<T> cached = read(redisKey, adapter);
    if (cached.isPresent()) return cached.get();
    String json = singleFlight.run(redisKey, () -> {
      // Another caller may have filled it while we waited for our turn.
      String again = readRaw(redisKey);
      if (again != null && decode(redisKey, again, adapter) != null) return again;
      T value = loader.get();
      if (value == null) return null;
      String encoded = adapter.toJson(value);
      write(redisKey, encoded, ttl);
      return encoded;
    });
    return json == null ? null : decode(redisKey, json, adapter);
  }

  /**
   * Returns the cached value of {@code key}, if present and readable as {@code type}.
   *
   * @param <T> the value's type
   * @param key the cache key, stored as {@code cache:<key>}
   * @param type the value's type, for Moshi
   * @return the value; empty if not cached, not readable as {@code type}, or Redis could not
   *     be read (a warning is logged)
   */
  public <T> Optional<T> get(String key, Type type) {
    return read(redisKey(key), adapter(type));
  }

  /**
   * Stores {@code value} under {@code key} for {@code ttl}, as JSON of {@code type}.
   *
   * @param <T> the value's type
   * @param key the cache key, stored as {@code cache:<key>}
   * @param value the value; not null
   * @param type the value's type, for Moshi
   * @param ttl how long it stays cached; at least 1 ms
   * @throws HerokuRedisException if the write fails, e.g. {@link RedisUnavailableException}
   */
  public <T> void put(String key, T value, Type type, Duration ttl) {
    Objects.requireNonNull(value, "value == null");
    requirePositive(ttl);
    JsonAdapter<T> adapter = adapter(type);
    String redisKey = redisKey(key);
    redis.call("Cache put", r -> r.set(redisKey, adapter.toJson(value),
        SetArgs.Builder.px(ttl.toMillis())));
  }

  /**
   * Removes {@code key}; returns true if it was cached.
   *
   * @param key the cache key, stored as {@code cache:<key>}
   * @return true if the key existed
   */
  public boolean invalidate(String key) {
    String redisKey = redisKey(key);
    return redis.call("Cache invalidate", r -> r.unlink(redisKey)) > 0;
  }

  /**
   * Removes every key of this cache (SCAN + UNLINK); returns how many were removed.
   *
   * @return the number of keys removed
   */
  public long invalidateAll() {
    String pattern = redis.namespace(NAMESPACE).pattern();
    return redis.call("Cache invalidateAll", r -> {
      long removed = 0;
      ScanCursor cursor = ScanCursor.INITIAL;
      do {
        KeyScanCursor<String> page = r.scan(cursor, ScanArgs.Builder.matches(pattern).limit(500));
        if (!page.getKeys().isEmpty()) removed += r.unlink(page.getKeys().toArray(new String[0]));
        cursor = page;
      } while (!cursor.isFinished());
      return removed;
    });
  }

  /**
   * The Redis key for cache key {@code key}.
   *
   * @param key the cache key
   * @return the key prefix, then {@code cache:}, then {@code key}
   */
  public String redisKey(String key) {
    Objects.requireNonNull(key, "key == null");
    return redis.key(NAMESPACE, key);
  }

  /** Logs a warning once if the server would refuse writes instead of evicting when full. */
  void checkEvictionPolicyOnce() {
    if (!evictionChecked.compareAndSet(false, true)) return;
    try {
      redis.diagnostics().evictionWarning().ifPresent(log::warn);
    } catch (RuntimeException e) {
      log.debug("Could not check maxmemory-policy: {}", e.getMessage());
    }
  }

  private <T> JsonAdapter<T> adapter(Type type) {
    Objects.requireNonNull(type, "type == null");
    requireReadableRecords(type);
    return redis.moshi().adapter(type);
  }

  /**
   * Moshi reads a record through its accessors, which it can only call on a public record whose
   * enclosing classes are public too; otherwise it fails with an AssertionError about an
   * IllegalAccessException. Say so, and what to do, before that.
   */
  private static void requireReadableRecords(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      requireReadableRecords(parameterized.getRawType());
      for (Type argument : parameterized.getActualTypeArguments()) {
        requireReadableRecords(argument);
      }
    } else if (type instanceof Class<?> record && record.isRecord()) {
      for (Class<?> c = record; c != null; c = c.getEnclosingClass()) {
        if (!Modifier.isPublic(c.getModifiers())) {
          throw new IllegalArgumentException("The cache stores " + record.getName() + " as JSON "
              + "with Moshi, which can only read a public record: declare " + c.getName()
              + " public (a nested record needs public enclosing classes too), or give "
              + "HerokuRedis.builder().moshi(...) a Moshi with an adapter of your own for it.");
        }
      }
    }
  }

  private <T> Optional<T> read(String redisKey, JsonAdapter<T> adapter) {
    String json = readRaw(redisKey);
    return json == null ? Optional.empty() : Optional.ofNullable(decode(redisKey, json, adapter));
  }

  private @Nullable String readRaw(String redisKey) {
    try {
      return redis.call("Cache get", r -> r.get(redisKey));
    } catch (HerokuRedisException e) {
      log.warn("Cache read of {} failed, computing without the cache: {}", redisKey,
          e.getMessage());
      return null;
    }
  }

  private void write(String redisKey, String json, Duration ttl) {
    try {
      redis.call("Cache put", r -> r.set(redisKey, json, SetArgs.Builder.px(ttl.toMillis())));
    } catch (HerokuRedisException e) {
      log.warn("Cache write of {} failed; the value is returned uncached: {}", redisKey,
          e.getMessage());
    }
  }

  /** Returns null for a cached value that no longer fits the type, so it is recomputed. */
  private <T> @Nullable T decode(String redisKey, String json, JsonAdapter<T> adapter) {
    try {
      return adapter.fromJson(json);
    } catch (IOException | JsonDataException e) {
      log.warn("Cached value of {} does not match the expected type ({}); recomputing it",
          redisKey, e.getClass().getSimpleName());
      return null;
    }
  }

  private static void requirePositive(Duration ttl) {
    Objects.requireNonNull(ttl, "ttl == null");
    if (ttl.toMillis() <= 0) throw new IllegalArgumentException("ttl must be at least 1 ms");
  }

  @Override
  public String toString() {
    return "RedisCache{" + redis.namespace(NAMESPACE).prefix() + "}";
  }
}
