package io.herokusdk.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisFuture;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Restarts, idle timeouts and outages, on a Redis server of this class's own. */
@Timeout(120)
class ResilienceTest {
  @RegisterExtension static final DedicatedServer dedicated = new DedicatedServer();

  @Test
  void reconnectsOverTlsAfterARestartWithANewCertificate() {
    try (HerokuRedis redis = Fixtures.builder(dedicated.server(), true).build()) {
      redis.sync().set("before-restart", "1");
      long idBefore = redis.sync().clientId();
      String oldCa = dedicated.server().caCertificatePem();

      dedicated.server().restartWithNewCertificate();

      assertThat(dedicated.server().caCertificatePem()).isNotEqualTo(oldCa);
      Fixtures.await(Duration.ofSeconds(30), () -> "PONG".equals(redis.sync().ping()));
      assertThat(redis.sync().clientId()).isNotEqualTo(idBefore);
      redis.sync().set("after-restart", "2");
      assertThat(redis.sync().get("after-restart")).isEqualTo("2");
    }
  }

  @Test
  void serverIdleTimeoutIsInvisible() {
    try (HerokuRedis redis = Fixtures.builder(dedicated.server(), true).build()) {
      redis.sync().configSet("timeout", "2");
      try {
        long idBefore = redis.sync().clientId();
        Fixtures.sleep(Duration.ofMillis(3500));
        // The server dropped the idle connection; the next command just works.
        assertThat(redis.sync().ping()).isEqualTo("PONG");
        assertThat(redis.sync().clientId()).isNotEqualTo(idBefore);
      } finally {
        redis.sync().configSet("timeout", "0");
      }
    }
  }

  /**
   * Lettuce's default backoff doubles up to 30 s, so after a 20 s outage the next attempt came
   * about 12 s after the server was back. With the 1 s cap the client answers within 2 s of
   * the server accepting connections again, whatever the outage length. The clock starts when
   * {@code start()} returns, which is after the kit's own client connected and authenticated.
   */
  @ParameterizedTest(name = "{0} s outage")
  @ValueSource(ints = {3, 20})
  void answersWithinTwoSecondsOfTheServerComingBack(int outageSeconds) {
    try (HerokuRedis redis = Fixtures.builder(dedicated.server(), true).build()) {
      assertThat(redis.sync().ping()).isEqualTo("PONG");
      dedicated.server().stop();
      Fixtures.await(Duration.ofSeconds(10), () -> !redis.connection().isOpen());
      Fixtures.sleep(Duration.ofSeconds(outageSeconds));

      dedicated.server().start();
      long back = System.nanoTime();
      Fixtures.await(Duration.ofSeconds(60), () -> "PONG".equals(redis.sync().ping()));
      Duration silent = Duration.ofNanos(System.nanoTime() - back);

      assertThat(silent).as("time from the server being back to the first answer")
          .isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void failsFastWithATypedErrorWhileDisconnected() {
    // A long command timeout: if commands were queued, this test would hang, not pass.
    try (HerokuRedis redis = Fixtures.builder(dedicated.server(), true)
        .commandTimeout(Duration.ofSeconds(60)).build()) {
      assertThat(redis.sync().ping()).isEqualTo("PONG");
      dedicated.server().stop();
      Fixtures.await(Duration.ofSeconds(10), () -> !redis.connection().isOpen());

      assertThatThrownBy(() -> redis.execute(r -> r.get("k")))
          .isInstanceOf(RedisUnavailableException.class)
          .hasMessageContaining("Redis at 127.0.0.1:" + dedicated.server().tlsPort())
          .hasMessageContaining("is disconnected")
          .hasMessageContaining("REDIS_FAIL_FAST");
      assertThatThrownBy(() -> redis.queue("jobs").enqueue("x"))
          .isInstanceOf(RedisUnavailableException.class);

      dedicated.server().start();
      Fixtures.await(Duration.ofSeconds(30), () -> "PONG".equals(redis.sync().ping()));
    }
  }

  @Test
  void queueingModeWaitsForTheReconnectWithinItsBound() throws Exception {
    try (HerokuRedis redis = Fixtures.builder(dedicated.server(), false)
        .failFast(false).maxQueuedCommands(2).commandTimeout(Duration.ofSeconds(60)).build()) {
      redis.sync().set("queued", "0");
      dedicated.server().stop();
      Fixtures.await(Duration.ofSeconds(10), () -> !redis.connection().isOpen());

      RedisFuture<Long> first = redis.async().incr("queued");
      RedisFuture<Long> second = redis.async().incr("queued");
      RedisFuture<Long> third = redis.async().incr("queued");
      assertThat(third.toCompletableFuture())
          .failsWithin(Duration.ofSeconds(5))
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .withMessageContaining("Request queue size exceeded");

      dedicated.server().start();
      assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(1L);
      assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(2L);
    }
  }

  @Test
  void listenersReceiveAgainAfterTheServerRestarts() throws Exception {
    try (HerokuRedis redis = Fixtures.builder(dedicated.server(), true).build()) {
      BlockingQueue<String> received = new LinkedBlockingQueue<>();
      redis.pubSub().subscribe("news", (channel, message) -> received.add(channel + "=" + message));
      redis.pubSub().psubscribe("alerts.*", (channel, message) -> received.add(channel + "~" + message));
      redis.pubSub().publish("news", "one");
      assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("news=one");

      dedicated.server().restart();

      // Publish until the re-subscribed connection hears it; messages sent while it is still
      // reconnecting are lost, as with any Redis pub/sub.
      Fixtures.await(Duration.ofSeconds(30), () -> redis.pubSub().publish("news", "two") > 0);
      assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("news=two");
      Fixtures.await(Duration.ofSeconds(10), () -> redis.pubSub().publish("alerts.disk", "3") > 0);
      assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("alerts.disk~3");
    }
  }

  @Test
  void listenersReceiveAgainAfterThePubSubConnectionIsKilled() throws Exception {
    try (HerokuRedis redis = Fixtures.builder(dedicated.server(), false).build()) {
      BlockingQueue<String> received = new LinkedBlockingQueue<>();
      redis.pubSub().subscribe("orders", (channel, message) -> received.add(message));
      assertThat(redis.pubSub().publish("orders", "a")).isEqualTo(1);
      assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("a");

      long killed = redis.sync().clientKill(io.lettuce.core.KillArgs.Builder.typePubsub());
      assertThat(killed).isEqualTo(1);

      Fixtures.await(Duration.ofSeconds(30), () -> redis.pubSub().publish("orders", "b") > 0);
      assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("b");
    }
  }
}
