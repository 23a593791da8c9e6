package io.herokusdk.testing;

import io.herokusdk.core.Sleeper;

import io.herokusdk.core.Waiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A UTC clock that moves only when told, for tests of code that waits. Give the same clock to a
 * fake (its builds, add-ons and transfers progress on it) and to a {@link Waiter} with {@link
 * #sleeper()}: each wait advances the clock instead of sleeping, so a 20-minute deploy runs in
 * milliseconds.
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock();
 * FakeHerokuApi api = FakeHerokuApi.builder().clock(clock).start();
 * Waiter waiter = clock.waiter(Duration.ofMinutes(20), Duration.ofSeconds(2));
 * }</pre>
 *
 * <p>For code that polls on its own scheduler (asynchronous waits), {@link #tickOnRead(Duration)}
 * moves the clock a step on every read instead. Thread-safe.
 */
public final class ManualClock extends Clock {
  private Instant now;
  private Duration tick = Duration.ZERO;

  /** A clock at 2025-01-01T00:00:00Z. */
  public ManualClock() {
    this(Instant.parse("2025-01-01T00:00:00Z"));
  }

  /**
   * A clock at {@code start}.
   *
   * @param start the clock's first instant, not null
   */
  public ManualClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start == null");
  }

  /**
   * Moves the clock forward.
   *
   * @param duration how far, zero or positive
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public synchronized void advance(Duration duration) {
    if (duration.isNegative()) throw new IllegalArgumentException("duration < 0: " + duration);
    now = now.plus(duration);
  }

  /**
   * Moves the clock by {@code step} after every read from now on ({@link Duration#ZERO}: never).
   *
   * @param step how far each read of {@link #instant()} moves the clock, zero or positive
   * @throws IllegalArgumentException if {@code step} is negative
   */
  public synchronized void tickOnRead(Duration step) {
    if (step.isNegative()) throw new IllegalArgumentException("step < 0: " + step);
    tick = step;
  }

  /**
   * A {@link Waiter} on this clock that advances it instead of sleeping: {@code timeout} in all,
   * polls {@code interval} apart.
   *
   * @param timeout how long the waiter waits in all, on this clock
   * @param interval the time between polls, on this clock
   * @return a new waiter on this clock and its {@link #sleeper()}
   */
  public Waiter waiter(Duration timeout, Duration interval) {
    return Waiter.builder().clock(this).sleeper(sleeper()).timeout(timeout).interval(interval)
        .build();
  }

  /**
   * A {@link Sleeper} that advances this clock instead of sleeping.
   *
   * @return a sleeper that calls {@link #advance(Duration)} and returns at once
   */
  public Sleeper sleeper() {
    return this::advance;
  }

  @Override
  public synchronized Instant instant() {
    Instant result = now;
    now = now.plus(tick);
    return result;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** This clock: it is always UTC. */
  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public synchronized String toString() {
    return "ManualClock[" + now + (tick.isZero() ? "" : ", +" + tick + " per read") + "]";
  }
}
