package io.herokusdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WaiterTest {
  /** A clock the sleeper moves forward: waits take no real time. */
  static final class FakeTime extends Clock {
    Instant now = Instant.parse("2026-12-03T10:00:00Z");
    final List<Duration> sleeps = new ArrayList<>();

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    Sleeper sleeper() {
      return d -> {
        sleeps.add(d);
        now = now.plus(d);
      };
    }
  }

  @Test
  void pollsUntilDoneAndShowsEveryStateToProgress() {
    FakeTime time = new FakeTime();
    Waiter waiter = Waiter.builder().timeout(Duration.ofMinutes(1)).interval(Duration.ofSeconds(2))
        .clock(time).sleeper(time.sleeper()).build();
    AtomicInteger polls = new AtomicInteger();
    List<String> seen = new ArrayList<>();
    String result = waiter.until("the build", () -> polls.incrementAndGet() < 4 ? "pending"
        : "succeeded", "succeeded"::equals, seen::add);
    assertThat(result).isEqualTo("succeeded");
    assertThat(seen).containsExactly("pending", "pending", "pending", "succeeded");
    assertThat(time.sleeps).containsExactly(
        Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void backsOffUpToTheMaximumAndNeverSleepsPastTheDeadline() {
    FakeTime time = new FakeTime();
    Waiter waiter = Waiter.builder().timeout(Duration.ofSeconds(20))
        .interval(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), 2.0, 0.0))
        .clock(time).sleeper(time.sleeper()).build();
    assertThatThrownBy(() -> waiter.until("release v42 to finish", () -> "pending", s -> false))
        .isInstanceOf(WaitTimeoutException.class)
        .hasMessageContaining("release v42 to finish")
        .hasMessageContaining("after 20 s")
        .hasMessageContaining("last seen: pending")
        .satisfies(e -> assertThat(((WaitTimeoutException) e).lastState()).isEqualTo("pending"));
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(5));
  }

  @Test
  void whatThePollThrowsEndsTheWait() {
    FakeTime time = new FakeTime();
    Waiter waiter = Waiter.builder().clock(time).sleeper(time.sleeper()).build();
    assertThatThrownBy(() -> waiter.until("x", () -> {
      throw new IllegalStateException("404 app not found");
    }, s -> true)).isInstanceOf(IllegalStateException.class).hasMessage("404 app not found");
  }

  @Test
  void anInterruptCancelsABlockingWaitAndKeepsTheFlag() {
    Waiter waiter = Waiter.builder().interval(Duration.ofSeconds(30)).build();
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> waiter.until("the add-on", () -> "provisioning", s -> false))
          .isInstanceOf(CancellationException.class).hasMessageContaining("the add-on");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void asyncWaitCompletesTimesOutAndCanBeCancelled() throws Exception {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      Waiter fast = Waiter.builder().timeout(Duration.ofSeconds(5))
          .interval(Duration.ofMillis(5)).build();
      AtomicInteger polls = new AtomicInteger();
      CompletableFuture<Integer> done = fast.untilAsync("three polls", polls::incrementAndGet,
          n -> n == 3, n -> { }, scheduler);
      assertThat(done.get(5, TimeUnit.SECONDS)).isEqualTo(3);

      CompletableFuture<String> late = Waiter.builder().timeout(Duration.ofMillis(50))
          .interval(Duration.ofMillis(5)).build()
          .untilAsync("never", () -> "pending", s -> false, s -> { }, scheduler);
      assertThatThrownBy(() -> late.get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(WaitTimeoutException.class);

      AtomicInteger cancelledPolls = new AtomicInteger();
      CompletableFuture<Integer> cancelled = fast.untilAsync("cancelled",
          cancelledPolls::incrementAndGet, n -> false, n -> { }, scheduler);
      cancelled.cancel(true);
      int afterCancel = cancelledPolls.get();
      scheduler.schedule(() -> { }, 50, TimeUnit.MILLISECONDS).get();
      assertThat(cancelledPolls.get()).isLessThanOrEqualTo(afterCancel + 1);
      assertThat(cancelled).isCancelled();
    } finally {
      scheduler.shutdownNow();
    }
  }
}
