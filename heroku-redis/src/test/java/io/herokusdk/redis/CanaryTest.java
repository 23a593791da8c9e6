package io.herokusdk.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.testing.LogCapture;
import io.herokusdk.testing.RedisExtension;
import io.herokusdk.testing.RedisServer;
import io.herokusdk.testing.SecretCanary;
import io.herokusdk.testing.TestRedis;
import io.herokusdk.testing.TestServices;
import io.herokusdk.testing.TraceLogging;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A password planted in the config never shows in a toString, exception message or log line. */
@ExtendWith({TraceLogging.class, RedisExtension.class})
class CanaryTest {

  @Test
  void plantedPasswordInRejectedAndMalformedUrls(TestRedis testRedis) {
    String canary = SecretCanary.newSecret();
    String encoded = SecretCanary.percentEncode(canary);
    List<Object> evidence = new ArrayList<>();
    try (LogCapture logs = LogCapture.start()) {
      HerokuRedis.Builder rejected = HerokuRedis.builder().configVars(ConfigVars.of(Map.of(
          "REDIS_URL", "rediss://:" + encoded + "@127.0.0.1:" + testRedis.tlsPort() + "/1")));
      evidence.add(rejected);
      evidence.add(catchThrowable(rejected::build));
      HerokuRedis.Builder refused = HerokuRedis.builder().configVars(ConfigVars.of(Map.of(
          "REDIS_URL", "rediss://user:" + encoded + "@127.0.0.1:1/0")));
      evidence.add(catchThrowable(refused::build));
      for (String bad : List.of("rediss://:" + encoded + "@", "redis://:" + encoded + "@h/db",
          "http://:" + encoded + "@h", "rediss://:" + encoded + "@h:notaport")) {
        evidence.add(catchThrowable(() -> HerokuRedis.fromConfig(
            ConfigVars.of(Map.of("REDIS_URL", bad)))));
      }
      evidence.add(logs);
      assertThat(evidence).filteredOn(e -> e instanceof Throwable).hasSize(6);
      SecretCanary.assertNoLeak(canary, evidence.toArray());
    }
  }

  @Test
  void realPasswordStaysHiddenThroughALifecycleAndAnOutage() {
    try (RedisServer server = TestServices.dedicatedRedis();
        LogCapture logs = LogCapture.start()) {
      String password = server.password().reveal();
      List<Object> evidence = new ArrayList<>();
      try (HerokuRedis redis = Fixtures.builder(server, true).build()) {
        redis.sync().set("k", "v");
        WorkQueue queue = redis.queue("q");
        queue.enqueue("item");
        QueueItem item = queue.poll().orElseThrow();
        RateLimiter limiter = redis.rateLimiter("r", 1, Duration.ofSeconds(5),
            RateLimiter.Window.SLIDING);
        limiter.tryAcquire("s");
        Subscription subscription = redis.pubSub().subscribe("c", (c, m) -> { });
        evidence.addAll(List.of(redis, redis.toBuilder(), redis.cache(), redis.pubSub(), queue,
            item, limiter, subscription, redis.diagnostics(), redis.diagnostics().info(),
            redis.namespace("session")));

        server.stop();
        Fixtures.await(Duration.ofSeconds(10), () -> !redis.connection().isOpen());
        evidence.add(catchThrowable(() -> redis.execute(r -> r.get("k"))));
        evidence.add(catchThrowable(() -> queue.poll()));
        evidence.add(catchThrowable(() -> limiter.tryAcquire("s")));
        evidence.add(catchThrowable(() -> redis.transaction(tx -> tx.incr("n"))));
        evidence.add(redis.cache().getOrCompute("x", Duration.ofSeconds(5), String.class,
            () -> "loaded"));
        server.start();
        Fixtures.await(Duration.ofSeconds(30), () -> "PONG".equals(redis.sync().ping()));
      }
      evidence.add(logs);
      assertThat(evidence).filteredOn(e -> e instanceof Throwable).hasSize(4)
          .allMatch(e -> e instanceof HerokuRedisException);
      SecretCanary.assertNoLeak(password, evidence.toArray());
    }
  }

  @Test
  void legacyHerokuUrlsWithUserHKeepThePasswordHidden(TestRedis testRedis) {
    String password = testRedis.password().reveal();
    String encoded = SecretCanary.percentEncode(password);
    String canary = SecretCanary.newSecret();
    try (LogCapture logs = LogCapture.start()) {
      List<Object> evidence = new ArrayList<>();
      try (HerokuRedis redis = HerokuRedis.fromConfig(ConfigVars.of(Map.of("REDIS_URL",
          "rediss://h:" + encoded + "@127.0.0.1:" + testRedis.tlsPort() + "/"
              + testRedis.dbIndex())))) {
        assertThat(redis.sync().ping()).isEqualTo("PONG");
        evidence.add(redis);
      }
      Throwable rejected = catchThrowable(() -> HerokuRedis.fromConfig(ConfigVars.of(Map.of(
          "REDIS_URL", "rediss://h:" + SecretCanary.percentEncode(canary) + "@127.0.0.1:"
              + testRedis.tlsPort() + "/0"))));
      assertThat(rejected).isInstanceOf(RedisAuthenticationException.class);
      evidence.add(rejected);
      evidence.add(logs);
      SecretCanary.assertNoLeak(password, evidence.toArray());
      SecretCanary.assertNoLeak(canary, evidence.toArray());
    }
  }
}
