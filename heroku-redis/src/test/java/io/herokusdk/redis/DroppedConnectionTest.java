package io.herokusdk.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A connection dropped in the middle of a command surfaces as {@link RedisUnavailableException}
 * on every helper path. The server (of this class's own) is put to sleep with {@code DEBUG
 * SLEEP}, the helper's command goes out and waits unanswered, then the server wakes up and
 * first runs {@code CLIENT KILL} pipelined behind the sleep, dropping the client's connections.
 */
@Timeout(120)
class DroppedConnectionTest {
  private static final Duration SLEEP = Duration.ofSeconds(2);
  @RegisterExtension static final DedicatedServer dedicated = new DedicatedServer();

  static Stream<Arguments> helperPaths() {
    return Stream.of(
        path("execute", r -> r.execute(c -> c.set("k", "v"))),
        path("cache put", r -> r.cache().put("k", "v", String.class, Duration.ofMinutes(1))),
        path("cache invalidate", r -> r.cache().invalidate("k")),
        path("queue enqueue", r -> r.queue("jobs").enqueue("x")),
        path("queue poll", r -> r.queue("jobs").poll()),
        path("queue poll with wait (pooled BLMOVE)",
            r -> r.queue("jobs").poll(Duration.ofSeconds(10))),
        path("rate limiter", r -> r.rateLimiter("login", 5, Duration.ofMinutes(1),
            RateLimiter.Window.SLIDING).tryAcquire("ip")),
        path("publish", r -> r.pubSub().publish("news", "x")),
        path("subscribe", r -> r.pubSub().subscribe("other", (channel, message) -> { })),
        path("transaction (pooled)", r -> r.transaction(c -> c.incr("n"))),
        path("dedicated connection (pooled)",
            r -> r.withDedicatedConnection(c -> c.blpop(10, "nothing"))));
  }

  private static Arguments path(String name, Consumer<HerokuRedis> operation) {
    return Arguments.of(name, operation);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("helperPaths")
  void aConnectionDroppedMidCommandIsRedisUnavailable(String name,
      Consumer<HerokuRedis> operation) throws Exception {
    try (HerokuRedis admin = Fixtures.builder(dedicated.server(), false).build();
        HerokuRedis redis = Fixtures.builder(dedicated.server(), false).build()) {
      // Open every kind of connection first, so the command under test goes out at once.
      redis.withDedicatedConnection(c -> c.ping());
      redis.cache(); // its one-time INFO check

      redis.pubSub().subscribe("news", (channel, message) -> { });

      RedisFuture<Long> killed = sleepThenKillOthers(admin);
      assertThatThrownBy(() -> operation.accept(redis))
          .as(name)
          .isInstanceOf(RedisUnavailableException.class)
          .hasMessageContaining("Redis at 127.0.0.1:" + dedicated.server().port())
          .hasMessageContaining("is disconnected");
      assertThat(killed.get(30, TimeUnit.SECONDS)).isPositive();

      Fixtures.await(Duration.ofSeconds(30), () -> "PONG".equals(redis.sync().ping()));
    }
  }

  @Test
  void theCacheServesTheLoaderValueWhenItsConnectionDrops() throws Exception {
    try (HerokuRedis admin = Fixtures.builder(dedicated.server(), false).build();
        HerokuRedis redis = Fixtures.builder(dedicated.server(), false).build()) {
      redis.cache().invalidate("user");
      RedisFuture<Long> killed = sleepThenKillOthers(admin);
      String value = redis.cache().getOrCompute("user", Duration.ofMinutes(1), String.class,
          () -> "loaded");
      assertThat(value).isEqualTo("loaded");
      assertThat(killed.get(30, TimeUnit.SECONDS)).isPositive();
    }
  }

  /**
   * Sends {@code DEBUG SLEEP} and {@code CLIENT KILL USER default SKIPME yes} in one write, so
   * the server runs the kill right after waking, before any command that arrived meanwhile;
   * returns once the server is asleep.
   */
  private static RedisFuture<Long> sleepThenKillOthers(HerokuRedis admin) {
    admin.connection().setAutoFlushCommands(false);
    try {
      admin.async().dispatch(CommandType.DEBUG, new StatusOutput<>(StringCodec.UTF8),
          new CommandArgs<>(StringCodec.UTF8).add("SLEEP").add(SLEEP.toSeconds()));
      RedisFuture<Long> killed =
          admin.async().clientKill(KillArgs.Builder.user("default").skipme());
      admin.connection().flushCommands();
      Fixtures.sleep(Duration.ofMillis(200));
      return killed;
    } finally {
      admin.connection().setAutoFlushCommands(true);
    }
  }
}
