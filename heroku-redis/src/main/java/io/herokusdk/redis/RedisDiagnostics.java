package io.herokusdk.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Server statistics and warnings about settings that hurt Heroku apps. */
public final class RedisDiagnostics {
  /** Memory use above this share of maxmemory produces a warning. */
  static final double MEMORY_WARNING_RATIO = 0.9;

  private final HerokuRedis redis;

  RedisDiagnostics(HerokuRedis redis) {
    this.redis = redis;
  }

  /**
   * Runs {@code INFO} and parses it.
   *
   * @return the server's statistics now
   * @throws HerokuRedisException if the command fails, e.g. {@link RedisUnavailableException}
   */
  public RedisInfo info() {
    return RedisInfo.parse(redis.call("INFO", r -> r.info()));
  }

  /**
   * Returns warnings for the current server state: {@code maxmemory-policy noeviction} (a full
   * server then fails cache writes) and memory above 90% of maxmemory. The cache helper logs the
   * first one once, on first use.
   *
   * @return the warnings as log-ready sentences; empty if all is well
   * @throws HerokuRedisException if {@code INFO} fails, e.g. {@link RedisUnavailableException}
   */
  public List<String> warnings() {
    RedisInfo info = info();
    List<String> warnings = new ArrayList<>();
    evictionWarning(info).ifPresent(warnings::add);
    if (info.memoryUsageRatio().orElse(0) >= MEMORY_WARNING_RATIO) {
      warnings.add(String.format("Redis at %s uses %d of %d bytes (%.0f%%) of its maxmemory.",
          redis.endpoint(), info.usedMemoryBytes(), info.maxMemoryBytes(),
          info.memoryUsageRatio().getAsDouble() * 100));
    }
    return warnings;
  }

  /** The noeviction warning, if the server's policy is noeviction. */
  Optional<String> evictionWarning() {
    return evictionWarning(RedisInfo.parse(redis.call("INFO memory", r -> r.info("memory"))));
  }

  private Optional<String> evictionWarning(RedisInfo info) {
    if (!info.isNoEviction()) return Optional.empty();
    return Optional.of("Redis at " + redis.endpoint() + " has maxmemory-policy noeviction: "
        + "when it fills up, cache writes fail instead of evicting old entries. For a cache, "
        + "set an evicting policy, e.g. `heroku redis:maxmemory --policy allkeys-lru`, or from "
        + "Java with heroku-api: `heroku.data().redis().maxmemoryPolicy(\"<redis add-on>\", "
        + "\"allkeys-lru\")`.");
  }

  @Override
  public String toString() {
    return "RedisDiagnostics{" + redis.endpoint() + "}";
  }
}
