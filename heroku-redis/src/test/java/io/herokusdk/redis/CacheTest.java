package io.herokusdk.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Types;
import io.herokusdk.testing.LogCapture;
import io.herokusdk.testing.RedisExtension;
import io.herokusdk.testing.RedisServer;
import io.herokusdk.testing.TestRedis;
import io.herokusdk.testing.TestServices;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(RedisExtension.class)
class CacheTest {
  @ParameterizedTest(name = "tls={0}")
  @ValueSource(booleans = {false, true})
  void computesOnceThenServesJsonFromRedis(boolean tls, TestRedis testRedis) {
    try (HerokuRedis redis = Fixtures.open(testRedis, tls)) {
      AtomicInteger loads = new AtomicInteger();
      String key = "user:42:" + tls;
      CachedUser first = redis.cache().getOrCompute(key, Duration.ofMinutes(5), CachedUser.class, () -> {
        loads.incrementAndGet();
        return new CachedUser(42, "Ada", List.of("admin"));
      });
      CachedUser second = redis.cache().getOrCompute(key, Duration.ofMinutes(5), CachedUser.class, () -> {
        loads.incrementAndGet();
        return new CachedUser(42, "changed", List.of());
      });
      assertThat(second).isEqualTo(first).isEqualTo(new CachedUser(42, "Ada", List.of("admin")));
      assertThat(loads).hasValue(1);

      String redisKey = redis.cache().redisKey(key);
      assertThat(redisKey).isEqualTo(testRedis.keyPrefix() + "cache:" + key);
      assertThat(redis.sync().get(redisKey))
          .isEqualTo("{\"id\":42,\"name\":\"Ada\",\"roles\":[\"admin\"]}");
      assertThat(redis.sync().pttl(redisKey)).isBetween(1L, Duration.ofMinutes(5).toMillis());

      assertThat(redis.cache().invalidate(key)).isTrue();
      assertThat(redis.cache().invalidate(key)).isFalse();
      CachedUser third = redis.cache().getOrCompute(key, Duration.ofMinutes(5), CachedUser.class,
          () -> new CachedUser(42, "Grace", List.of()));
      assertThat(third.name()).isEqualTo("Grace");
    }
  }

  @Test
  void oneLoaderPerKeyUnderAStampede(TestRedis testRedis) throws Exception {
    int callers = 32;
    try (HerokuRedis redis = Fixtures.open(testRedis, true)) {
      AtomicInteger loads = new AtomicInteger();
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(callers);
      try {
        List<Future<CachedUser>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
          results.add(pool.submit(() -> {
            start.await();
            return redis.cache().getOrCompute("hot", Duration.ofMinutes(1), CachedUser.class, () -> {
              loads.incrementAndGet();
              Fixtures.sleep(Duration.ofMillis(300)); // a slow query keeps the others waiting
              return new CachedUser(1, "hot", List.of());
            });
          }));
        }
        start.countDown();
        for (Future<CachedUser> result : results) {
          assertThat(result.get()).isEqualTo(new CachedUser(1, "hot", List.of()));
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(loads).hasValue(1);
    }
  }

  @Test
  void loaderFailureReachesTheCallerAndIsNotCached(TestRedis testRedis) {
    try (HerokuRedis redis = Fixtures.open(testRedis, false)) {
      assertThatThrownBy(() -> redis.cache().getOrCompute("boom", Duration.ofMinutes(1),
          CachedUser.class, () -> {
            throw new IllegalStateException("database down");
          })).isInstanceOf(IllegalStateException.class).hasMessage("database down");
      assertThat(redis.cache().<CachedUser>get("boom", CachedUser.class)).isEmpty();
      assertThat(redis.cache().<CachedUser>getOrCompute("nothing", Duration.ofMinutes(1), CachedUser.class,
          () -> null)).isNull();
      assertThat(redis.sync().exists(redis.cache().redisKey("nothing"))).isZero();
    }
  }

  @Test
  void genericTypesPutGetAndInvalidateAll(TestRedis testRedis) {
    try (HerokuRedis redis = Fixtures.open(testRedis, false)) {
      Type listOfUsers = Types.newParameterizedType(List.class, CachedUser.class);
      List<CachedUser> users = List.of(new CachedUser(1, "a", List.of()), new CachedUser(2, "b", List.of("x")));
      redis.cache().put("users", users, listOfUsers, Duration.ofMinutes(1));
      Optional<List<CachedUser>> read = redis.cache().get("users", listOfUsers);
      assertThat(read).contains(users);
      redis.cache().put("other", "text", String.class, Duration.ofMinutes(1));
      redis.sync().set(testRedis.key("not-cache"), "stays");

      assertThat(redis.cache().invalidateAll()).isEqualTo(2);
      assertThat(redis.cache().get("users", listOfUsers)).isEmpty();
      assertThat(redis.sync().get(testRedis.key("not-cache"))).isEqualTo("stays");
    }
  }

  @Test
  void aValueOfAnOldShapeIsRecomputed(TestRedis testRedis) {
    try (HerokuRedis redis = Fixtures.open(testRedis, false)) {
      redis.sync().set(redis.cache().redisKey("old"), "[\"not\",\"a\",\"user\"]");
      CachedUser user = redis.cache().getOrCompute("old", Duration.ofMinutes(1), CachedUser.class,
          () -> new CachedUser(7, "new", List.of()));
      assertThat(user.id()).isEqualTo(7);
      assertThat(redis.sync().get(redis.cache().redisKey("old"))).contains("\"id\":7");
    }
  }

  @Test
  void warnsOnceAboutNoevictionAndNotForAnEvictingPolicy() {
    try (RedisServer server = TestServices.dedicatedRedis()) {
      try (LogCapture logs = LogCapture.start();
          HerokuRedis redis = Fixtures.builder(server, false).build()) {
        assertThat(redis.diagnostics().info().maxMemoryPolicy()).contains("noeviction");
        redis.cache().put("a", "1", String.class, Duration.ofMinutes(1));
        redis.cache().put("b", "2", String.class, Duration.ofMinutes(1));
        assertThat(logs.lines().stream().filter(l -> l.contains("maxmemory-policy noeviction")))
            .hasSize(1);
        assertThat(redis.diagnostics().warnings())
            .anyMatch(w -> w.contains("maxmemory-policy noeviction")
                && w.contains("heroku redis:maxmemory --policy allkeys-lru")
                && w.contains("heroku.data().redis().maxmemoryPolicy("));
      }
      try (HerokuRedis admin = Fixtures.builder(server, false).build()) {
        admin.sync().configSet("maxmemory-policy", "allkeys-lru");
      }
      try (LogCapture logs = LogCapture.start();
          HerokuRedis redis = Fixtures.builder(server, false).build()) {
        redis.cache().put("a", "1", String.class, Duration.ofMinutes(1));
        assertThat(logs.text()).doesNotContain("noeviction");
        assertThat(redis.diagnostics().warnings()).isEmpty();
      }
    }
  }

  @Test
  void keepsServingFromTheLoaderWhenRedisIsDown() {
    try (RedisServer server = TestServices.dedicatedRedis();
        HerokuRedis redis = Fixtures.builder(server, true).build()) {
      redis.cache();
      server.stop();
      Fixtures.await(Duration.ofSeconds(10), () -> !redis.connection().isOpen());
      try (LogCapture logs = LogCapture.start()) {
        String value = redis.cache().getOrCompute("k", Duration.ofMinutes(1), String.class,
            () -> "computed");
        assertThat(value).isEqualTo("computed");
        assertThat(logs.text()).contains("computing without the cache");
      }
    }
  }

  /** Not public: Moshi cannot call its accessors. */
  record PackagePrivateUser(long id, String name) {}

  @Test
  void aRecordMoshiCannotReadIsAClearErrorBeforeAnythingIsCached(TestRedis testRedis) {
    try (HerokuRedis redis = Fixtures.open(testRedis, false)) {
      AtomicInteger loads = new AtomicInteger();
      assertThatThrownBy(() -> redis.cache().getOrCompute("user:7", Duration.ofMinutes(1),
          PackagePrivateUser.class, () -> {
            loads.incrementAndGet();
            return new PackagePrivateUser(7, "Ada");
          }))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("PackagePrivateUser")
          .hasMessageContaining("public");
      assertThatThrownBy(() -> redis.cache().get("users",
          Types.newParameterizedType(List.class, PackagePrivateUser.class)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(loads).hasValue(0);
      assertThat(redis.cache().get("user:7", CachedUser.class)).isEmpty();
    }
  }
}
