package io.herokusdk.redis;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.testing.RedisServer;
import io.herokusdk.testing.TestRedis;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Shared test helpers. */
final class Fixtures {
  private Fixtures() {}

  /** A client on {@code redis}'s db over TLS or plain text, with the test's key prefix. */
  static HerokuRedis open(TestRedis redis, boolean tls) {
    return builder(redis, tls).build();
  }

  static HerokuRedis.Builder builder(TestRedis redis, boolean tls) {
    return HerokuRedis.builder()
        .configVars(tls ? redis.configVars() : redis.plainConfigVars())
        .keyPrefix(redis.keyPrefix());
  }

  /** A client on db 0 of a dedicated server. */
  static HerokuRedis.Builder builder(RedisServer server, boolean tls) {
    return HerokuRedis.builder().configVars(ConfigVars.of(Map.of(
        "REDIS_URL", tls ? server.tlsUrl(0) : server.url(0))));
  }

  /** Waits up to {@code limit} for {@code condition}, which may throw while not yet true. */
  static void await(Duration limit, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (condition.getAsBoolean()) return;
      } catch (RuntimeException e) {
        last = e;
      }
      sleep(Duration.ofMillis(50));
    }
    throw new AssertionError("condition not met within " + limit, last);
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
