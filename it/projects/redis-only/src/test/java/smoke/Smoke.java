package smoke;

import io.herokusdk.redis.HerokuRedis;
import io.herokusdk.testing.TestRedis;
import io.herokusdk.testing.TestServices;
import java.time.Duration;

/** heroku-redis on heroku-testing's embedded Redis over TLS: a command and the cache answer. */
public final class Smoke {
  public static void main(String[] args) {
    TestRedis redis = TestServices.redis().createTestRedis("smoke");
    try (HerokuRedis client = HerokuRedis.fromConfig(redis.configVars())) {
      String pong = client.sync().ping();
      if (!"PONG".equals(pong)) throw new IllegalStateException("PING answered " + pong);
      String cached = client.cache().getOrCompute(redis.key("k"), Duration.ofMinutes(1), String.class,
          () -> "computed");
      if (!"computed".equals(cached)) throw new IllegalStateException("cache gave " + cached);
      System.out.println("redis-only: " + client.endpoint() + " answered " + pong);
    }
  }
}
