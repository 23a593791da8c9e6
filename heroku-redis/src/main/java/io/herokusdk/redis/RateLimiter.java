package io.herokusdk.redis;

import io.herokusdk.redis.internal.LuaScript;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Allows at most {@code limit} calls per subject (a user id, an IP address, an API key's hash)
 * in each window, across all processes. Each decision is one atomic Lua script using the Redis
 * server's clock.
 */
public final class RateLimiter {
  /** How the window moves. */
  public enum Window {
    /**
     * Windows aligned to the first call, each {@code window} long: one counter per subject, the
     * cheapest; allows up to 2 × limit around a window boundary.
     */
    FIXED,
    /**
     * The last {@code window} before each call: a sorted-set log per subject, exact, with memory
     * proportional to the limit.
     */
    SLIDING
  }

  /**
   * The outcome of {@link #tryAcquire(String)}.
   *
   * @param allowed whether the call may proceed
   * @param remaining calls still allowed in the current window
   * @param retryAfter when rejected, how long until a call may be allowed; zero when allowed
   */
  public record Decision(boolean allowed, long remaining, Duration retryAfter) {}

  /** KEYS: counter. ARGV: limit, window ms. Returns {allowed, remaining, retry ms}. */
  private static final LuaScript FIXED_SCRIPT = new LuaScript(
      "local c = redis.call('INCR', KEYS[1])\n"
          + "local ttl = redis.call('PTTL', KEYS[1])\n"
          + "if c == 1 or ttl < 0 then\n"
          + "  redis.call('PEXPIRE', KEYS[1], ARGV[2])\n"
          + "  ttl = tonumber(ARGV[2])\n"
          + "end\n"
          + "local limit = tonumber(ARGV[1])\n"
          + "if c > limit then return {0, 0, ttl} end\n"
          + "return {1, limit - c, 0}\n");

  /** KEYS: log. ARGV: limit, window ms, unique id. Returns {allowed, remaining, retry ms}. */
  private static final LuaScript SLIDING_SCRIPT = new LuaScript(
      "local t = redis.call('TIME')\n"
          + "local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)\n"
          + "local window = tonumber(ARGV[2])\n"
          + "local limit = tonumber(ARGV[1])\n"
          + "redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)\n"
          + "local count = redis.call('ZCARD', KEYS[1])\n"
          + "if count < limit then\n"
          + "  redis.call('ZADD', KEYS[1], now, t[1] .. '.' .. t[2] .. '-' .. ARGV[3])\n"
          + "  redis.call('PEXPIRE', KEYS[1], window)\n"
          + "  return {1, limit - count - 1, 0}\n"
          + "end\n"
          + "local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')\n"
          + "local retry = tonumber(oldest[2]) + window - now\n"
          + "if retry < 1 then retry = 1 end\n"
          + "return {0, 0, retry}\n");

  private final HerokuRedis redis;
  private final String name;
  private final long limit;
  private final Duration window;
  private final Window kind;
  private final String instanceId = UUID.randomUUID().toString();
  private final java.util.concurrent.atomic.AtomicLong sequence =
      new java.util.concurrent.atomic.AtomicLong();

  RateLimiter(HerokuRedis redis, String name, long limit, Duration window, Window kind) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(window, "window == null");
    Objects.requireNonNull(kind, "kind == null");
    if (name.isEmpty()) throw new IllegalArgumentException("name must not be empty");
    if (limit < 1) throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    if (window.toMillis() < 1) throw new IllegalArgumentException("window must be at least 1 ms");
    this.redis = redis;
    this.name = name;
    this.limit = limit;
    this.window = window;
    this.kind = kind;
  }

  /**
   * Counts one call by {@code subject} and says whether it is allowed.
   *
   * @param subject who is calling, such as a user id; any text, compared exactly
   * @return whether the call may proceed, how many remain and, if not, when to retry
   * @throws HerokuRedisException if Redis fails, e.g. {@link RedisUnavailableException}
   */
  public Decision tryAcquire(String subject) {
    Objects.requireNonNull(subject, "subject == null");
    String[] keys = {redis.key("ratelimit", name + ":" + subject)};
    String limitArg = Long.toString(limit);
    String windowArg = Long.toString(window.toMillis());
    List<Object> reply = redis.call("Rate limit", r -> kind == Window.FIXED
        ? FIXED_SCRIPT.<List<Object>>run(r, ScriptOutputType.MULTI, keys, limitArg, windowArg)
        : SLIDING_SCRIPT.<List<Object>>run(r, ScriptOutputType.MULTI, keys, limitArg, windowArg,
            instanceId + "-" + sequence.incrementAndGet()));
    boolean allowed = ((Long) reply.get(0)) == 1L;
    return new Decision(allowed, (Long) reply.get(1), Duration.ofMillis((Long) reply.get(2)));
  }

  /**
   * Forgets {@code subject}'s calls, e.g. after a successful login.
   *
   * @param subject as given to {@link #tryAcquire(String)}
   */
  public void reset(String subject) {
    Objects.requireNonNull(subject, "subject == null");
    redis.call("Rate limit reset", r -> r.unlink(redis.key("ratelimit", name + ":" + subject)));
  }

  /**
   * The most calls allowed per window.
   *
   * @return the limit per subject, at least 1
   */
  public long limit() {
    return limit;
  }

  /**
   * The window length.
   *
   * @return the window, at least 1 ms
   */
  public Duration window() {
    return window;
  }

  /**
   * Fixed or sliding.
   *
   * @return how the window moves
   */
  public Window kind() {
    return kind;
  }

  @Override
  public String toString() {
    return "RateLimiter{" + name + ", " + limit + " per " + window + ", " + kind + "}";
  }
}
