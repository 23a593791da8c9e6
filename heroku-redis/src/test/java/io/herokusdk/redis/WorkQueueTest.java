package io.herokusdk.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokusdk.testing.RedisExtension;
import io.herokusdk.testing.TestRedis;
import io.lettuce.core.LMoveArgs;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(RedisExtension.class)
class WorkQueueTest {

  @ParameterizedTest(name = "tls={0}")
  @ValueSource(booleans = {false, true})
  void deliversInOrderAndAckRemoves(boolean tls, TestRedis testRedis) {
    try (HerokuRedis redis = Fixtures.open(testRedis, tls)) {
      WorkQueue queue = redis.queue("orders-" + tls);
      String first = queue.enqueue("{\"order\":1}");
      queue.enqueue("payload with | pipes | inside");
      assertThat(queue.size()).isEqualTo(2);

      QueueItem a = queue.poll().orElseThrow();
      assertThat(a.id()).isEqualTo(first);
      assertThat(a.payload()).isEqualTo("{\"order\":1}");
      assertThat(a.deliveryCount()).isEqualTo(1);
      QueueItem b = queue.poll().orElseThrow();
      assertThat(b.payload()).isEqualTo("payload with | pipes | inside");
      assertThat(queue.poll()).isEmpty();
      assertThat(queue.inFlight()).isEqualTo(2);

      assertThat(queue.ack(a)).isTrue();
      assertThat(queue.ack(a)).isFalse();
      assertThat(queue.ack(b)).isTrue();
      assertThat(queue.inFlight()).isZero();
      assertThat(redis.sync().keys(testRedis.keyPrefix() + "queue:{orders-" + tls + "}*")).isEmpty();
    }
  }

  @Test
  void blockingPollWakesUpWhenAnItemArrives(TestRedis testRedis) throws Exception {
    try (HerokuRedis redis = Fixtures.open(testRedis, true)) {
      WorkQueue queue = redis.queue("wake");
      CompletableFuture<Optional<QueueItem>> waiting =
          CompletableFuture.supplyAsync(() -> queue.poll(Duration.ofSeconds(20)));
      Fixtures.await(Duration.ofSeconds(10), () -> redis.sync().clientList().contains("cmd=blmove"));
      // The shared connection stays usable while a consumer blocks.
      assertThat(redis.sync().ping()).isEqualTo("PONG");
      queue.enqueue("late");
      QueueItem item = waiting.get(20, TimeUnit.SECONDS).orElseThrow();
      assertThat(item.payload()).isEqualTo("late");
      assertThat(queue.inFlight()).isEqualTo(1);
      assertThat(redis.sync().zcard(testRedis.keyPrefix() + "queue:{wake}:leases")).isEqualTo(1);
      assertThat(queue.ack(item)).isTrue();
      assertThat(queue.poll(Duration.ofMillis(200))).isEmpty();
    }
  }

  @Test
  void redeliversWhatACrashedConsumerTook(TestRedis testRedis) {
    Duration visibility = Duration.ofSeconds(1);
    String id;
    HerokuRedis crashing = Fixtures.open(testRedis, false);
    try {
      WorkQueue queue = crashing.queue("jobs", visibility);
      id = queue.enqueue("resize image 7");
      QueueItem taken = queue.poll().orElseThrow();
      assertThat(taken.id()).isEqualTo(id);
    } finally {
      crashing.close(); // the consumer dies without acknowledging
    }

    try (HerokuRedis redis = Fixtures.open(testRedis, false)) {
      WorkQueue queue = redis.queue("jobs", visibility);
      assertThat(queue.poll()).isEmpty(); // still leased to the dead consumer
      Fixtures.sleep(visibility.plusMillis(300));
      QueueItem again = queue.poll().orElseThrow();
      assertThat(again.id()).isEqualTo(id);
      assertThat(again.payload()).isEqualTo("resize image 7");
      assertThat(again.deliveryCount()).isEqualTo(2);
      assertThat(queue.ack(again)).isTrue();
      assertThat(queue.size()).isZero();
      assertThat(queue.inFlight()).isZero();
    }
  }

  @Test
  void redeliversAnItemMovedByAConsumerThatDiedBeforeLeasingIt(TestRedis testRedis) {
    try (HerokuRedis redis = Fixtures.open(testRedis, false)) {
      WorkQueue queue = redis.queue("half", Duration.ofMillis(500));
      queue.enqueue("moved but never leased");
      String base = testRedis.keyPrefix() + "queue:{half}";
      // What BLMOVE does just before its consumer crashes.
      redis.sync().lmove(base, base + ":processing", LMoveArgs.Builder.rightLeft());
      assertThat(queue.requeueAbandoned()).isZero(); // first sighting: it gets a lease
      assertThat(redis.sync().zcard(base + ":leases")).isEqualTo(1);
      Fixtures.sleep(Duration.ofMillis(800));
      assertThat(queue.requeueAbandoned()).isEqualTo(1);
      QueueItem item = queue.poll().orElseThrow();
      assertThat(item.payload()).isEqualTo("moved but never leased");
      assertThat(item.deliveryCount()).isEqualTo(2);
    }
  }

  @Test
  void aLateAckOfAReDeliveredItemReportsFalse(TestRedis testRedis) {
    try (HerokuRedis redis = Fixtures.open(testRedis, false)) {
      WorkQueue queue = redis.queue("slow", Duration.ofMillis(300));
      queue.enqueue("x");
      QueueItem first = queue.poll().orElseThrow();
      Fixtures.sleep(Duration.ofMillis(600));
      QueueItem second = queue.poll().orElseThrow();
      assertThat(second.id()).isEqualTo(first.id());
      assertThat(queue.ack(first)).isFalse();
      assertThat(queue.ack(second)).isTrue();
    }
  }
}
