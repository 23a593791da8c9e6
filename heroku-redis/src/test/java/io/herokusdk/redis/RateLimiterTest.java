package io.herokusdk.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.testing.RedisExtension;
import io.herokusdk.testing.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisExtension.class)
class RateLimiterTest {

  @ParameterizedTest
  @EnumSource(RateLimiter.Window.class)
  void tripsAfterTheLimitPerSubject(RateLimiter.Window kind, TestRedis testRedis) {
    try (HerokuRedis redis = Fixtures.open(testRedis, true)) {
      RateLimiter limiter = redis.rateLimiter("login-" + kind, 3, Duration.ofSeconds(30), kind);
      for (int remaining = 2; remaining >= 0; remaining--) {
        RateLimiter.Decision decision = limiter.tryAcquire("alice");
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.remaining()).isEqualTo(remaining);
        assertThat(decision.retryAfter()).isZero();
      }
      RateLimiter.Decision rejected = limiter.tryAcquire("alice");
      assertThat(rejected.allowed()).isFalse();
      assertThat(rejected.remaining()).isZero();
      assertThat(rejected.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));

      assertThat(limiter.tryAcquire("bob").allowed()).isTrue();
      limiter.reset("alice");
      assertThat(limiter.tryAcquire("alice").allowed()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(RateLimiter.Window.class)
  void allowsAgainAfterRetryAfter(RateLimiter.Window kind, TestRedis testRedis) {
    try (HerokuRedis redis = Fixtures.open(testRedis, false)) {
      RateLimiter limiter = redis.rateLimiter("short-" + kind, 2, Duration.ofMillis(500), kind);
      assertThat(limiter.tryAcquire("x").allowed()).isTrue();
      assertThat(limiter.tryAcquire("x").allowed()).isTrue();
      RateLimiter.Decision rejected = limiter.tryAcquire("x");
      assertThat(rejected.allowed()).isFalse();
      Fixtures.sleep(rejected.retryAfter().plusMillis(50));
      assertThat(limiter.tryAcquire("x").allowed()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(RateLimiter.Window.class)
  void isAtomicUnderConcurrency(RateLimiter.Window kind, TestRedis testRedis) throws Exception {
    try (HerokuRedis redis = Fixtures.open(testRedis, false)) {
      RateLimiter limiter = redis.rateLimiter("burst-" + kind, 50, Duration.ofMinutes(1), kind);
      ExecutorService pool = Executors.newFixedThreadPool(16);
      try {
        List<Future<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
          calls.add(pool.submit(() -> limiter.tryAcquire("shared").allowed()));
        }
        int allowed = 0;
        for (Future<Boolean> call : calls) {
          if (call.get()) allowed++;
        }
        assertThat(allowed).isEqualTo(50);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void slidingWindowCountsTheLastWindowNotACalendarWindow(TestRedis testRedis) {
    try (HerokuRedis redis = Fixtures.open(testRedis, false)) {
      RateLimiter limiter = redis.rateLimiter("slide", 2, Duration.ofMillis(1000),
          RateLimiter.Window.SLIDING);
      assertThat(limiter.tryAcquire("s").allowed()).isTrue();
      Fixtures.sleep(Duration.ofMillis(600));
      assertThat(limiter.tryAcquire("s").allowed()).isTrue();
      Fixtures.sleep(Duration.ofMillis(500));
      // The first call has left the window; the second has not.
      RateLimiter.Decision third = limiter.tryAcquire("s");
      assertThat(third.allowed()).isTrue();
      assertThat(third.remaining()).isZero();
      assertThat(limiter.tryAcquire("s").allowed()).isFalse();
    }
  }

  @Test
  void rejectsNonsenseArguments(TestRedis testRedis) {
    try (HerokuRedis redis = Fixtures.open(testRedis, false)) {
      assertThatThrownBy(() -> redis.rateLimiter("x", 0, Duration.ofSeconds(1),
          RateLimiter.Window.FIXED)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("limit must be at least 1");
      assertThatThrownBy(() -> redis.rateLimiter("x", 1, Duration.ZERO,
          RateLimiter.Window.FIXED)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
