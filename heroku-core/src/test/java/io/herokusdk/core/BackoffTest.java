package io.herokusdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void withoutJitterTheDelayGrowsByTheMultiplierUntilTheCap() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), 2.0, 0.0);
    RandomGenerator random = new SplittableRandom(1);

    List<Long> millis = new ArrayList<>();
    for (int attempt = 1; attempt <= 6; attempt++) {
      millis.add(backoff.delayForAttempt(attempt, random).toMillis());
    }

    assertThat(millis).containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);
  }

  @Test
  void exponentialUsesEqualJitterBetweenHalfAndAllOfTheCappedDelay() {
    Backoff backoff = Backoff.exponential(SECOND, MINUTE);
    assertThat(backoff.multiplier()).isEqualTo(2.0);
    assertThat(backoff.jitter()).isEqualTo(0.5);

    RandomGenerator random = new SplittableRandom(42);
    for (int i = 0; i < 1000; i++) {
      assertThat(backoff.delayForAttempt(3, random))
          .isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }
  }

  @Test
  void fullJitterGoesDownToZero() {
    Backoff backoff = new Backoff(SECOND, SECOND, 1.0, 1.0);
    RandomGenerator random = new SplittableRandom(3);
    Duration smallest = SECOND;
    for (int i = 0; i < 1000; i++) {
      Duration delay = backoff.delayForAttempt(1, random);
      assertThat(delay).isBetween(Duration.ZERO, SECOND);
      if (delay.compareTo(smallest) < 0) smallest = delay;
    }
    assertThat(smallest).isLessThan(Duration.ofMillis(10));
  }

  @Test
  void isDeterministicUnderASeededGenerator() {
    Backoff backoff = Backoff.exponential(Duration.ofMillis(250), Duration.ofSeconds(30));
    RandomGenerator first = new SplittableRandom(99);
    RandomGenerator second = new SplittableRandom(99);
    for (int attempt = 1; attempt <= 20; attempt++) {
      assertThat(backoff.delayForAttempt(attempt, first))
          .isEqualTo(backoff.delayForAttempt(attempt, second));
    }
  }

  @Test
  void neverExceedsTheMaximumEvenForHugeAttemptNumbers() {
    Backoff backoff = new Backoff(SECOND, MINUTE, 10.0, 0.0);
    RandomGenerator random = new SplittableRandom(5);
    for (int attempt : new int[] {1, 2, 3, 10, 100, 1000, Integer.MAX_VALUE}) {
      assertThat(backoff.delayForAttempt(attempt, random)).isLessThanOrEqualTo(MINUTE);
    }
    assertThat(backoff.delayForAttempt(Integer.MAX_VALUE, random)).isEqualTo(MINUTE);
  }

  @Test
  void neverExceedsTheMaximumWithAGeneratorThatReturnsExtremes() {
    RandomGenerator zero = () -> 0L;
    Backoff backoff = Backoff.exponential(SECOND, Duration.ofSeconds(3));
    assertThat(zero.nextDouble()).isZero();
    for (int attempt = 1; attempt < 10; attempt++) {
      assertThat(backoff.delayForAttempt(attempt, zero)).isLessThanOrEqualTo(Duration.ofSeconds(3));
    }
  }

  @Test
  void convenienceOverloadStaysInRange() {
    Backoff backoff = Backoff.exponential(SECOND, MINUTE);
    assertThat(backoff.delayForAttempt(1)).isBetween(Duration.ofMillis(500), SECOND);
  }

  @Test
  void attemptsStartAtOne() {
    Backoff backoff = Backoff.exponential(SECOND, MINUTE);
    assertThatThrownBy(() -> backoff.delayForAttempt(0, new SplittableRandom()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attempt must be at least 1");
  }

  @Test
  void validatesItsComponents() {
    assertThatThrownBy(() -> new Backoff(null, MINUTE, 2, 0.5))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, MINUTE, 2, 0.5))
        .hasMessageContaining("initialDelay must be positive");
    assertThatThrownBy(() -> new Backoff(MINUTE, SECOND, 2, 0.5))
        .hasMessageContaining("must be at least initialDelay");
    assertThatThrownBy(() -> new Backoff(SECOND, Duration.ofDays(400), 2, 0.5))
        .hasMessageContaining("at most 365 days");
    assertThatThrownBy(() -> new Backoff(SECOND, MINUTE, 0.5, 0.5))
        .hasMessageContaining("multiplier");
    assertThatThrownBy(() -> new Backoff(SECOND, MINUTE, Double.NaN, 0.5))
        .hasMessageContaining("multiplier");
    assertThatThrownBy(() -> new Backoff(SECOND, MINUTE, 2, 1.5)).hasMessageContaining("jitter");
    assertThatThrownBy(() -> new Backoff(SECOND, MINUTE, 2, Double.NaN))
        .hasMessageContaining("jitter");
  }
}
