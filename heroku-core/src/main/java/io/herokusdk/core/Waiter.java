package io.herokusdk.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls a state until it is what the caller waits for, or a deadline passes: the one waiter
 * behind the SDK's long operations (builds, releases, add-on provisioning, promotions,
 * backups). Between polls it sleeps on a {@link Backoff} (by default 1 s growing to 10 s with
 * jitter), never spins, and stops at the deadline, not after a fixed number of polls. Immutable
 * and thread-safe.
 *
 * <pre>{@code
 * Build build = Waiter.builder().timeout(Duration.ofMinutes(20)).build()
 *     .until("build " + id + " to finish", () -> builds.info(app, id),
 *         b -> !b.status().equals("pending"), b -> log.info("still {}", b.status()));
 * }</pre>
 *
 * <p>Cancel a blocking wait by interrupting its thread ({@link CancellationException}, interrupt
 * flag set), an asynchronous one with {@link CompletableFuture#cancel(boolean)}.
 */
public final class Waiter {
  private final Duration timeout;
  private final Backoff interval;
  private final Clock clock;
  private final Sleeper sleeper;

  private Waiter(Builder b) {
    this.timeout = b.timeout;
    this.interval = b.interval;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
  }

  /** {@return a waiter with the defaults: 10 minutes, polls 1 s apart growing to 10 s} */
  public static Waiter ofDefaults() {
    return builder().build();
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this waiter's settings} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.timeout = timeout;
    b.interval = interval;
    b.clock = clock;
    b.sleeper = sleeper;
    return b;
  }

  /** {@return how long it waits in all} */
  public Duration timeout() {
    return timeout;
  }

  /** {@return the delays between polls} */
  public Backoff interval() {
    return interval;
  }

  /**
   * {@link #until(String, Supplier, Predicate, Consumer)} without a progress callback.
   *
   * @param <T> the type of the polled state
   * @param what what is awaited, for the timeout message ("build 42 to finish")
   * @param poll fetches the current state; called at once, then after each pause
   * @param done true for the state that ends the wait
   * @return the first state {@code done} accepts
   * @throws WaitTimeoutException if the deadline passed first (with the last state)
   * @throws CancellationException if the thread was interrupted (its flag stays set)
   */
  public <T> T until(String what, Supplier<? extends T> poll, Predicate<? super T> done) {
    return until(what, poll, done, state -> { });
  }

  /**
   * Polls until {@code done} accepts the state, and returns that state. The first poll is at
   * once; {@code progress} sees every state polled, the last one included. What {@code poll}
   * throws ends the wait and reaches the caller.
   *
   * @param <T> the type of the polled state
   * @param what what is awaited, for the timeout message ("build 42 to finish")
   * @param poll fetches the current state; called at once, then after each pause
   * @param done true for the state that ends the wait
   * @param progress sees each polled state before {@code done} does, such as to log it
   * @return the first state {@code done} accepts
   * @throws WaitTimeoutException if the deadline passed first (with the last state)
   * @throws CancellationException if the thread was interrupted (its flag stays set)
   */
  public <T> T until(String what, Supplier<? extends T> poll, Predicate<? super T> done,
      Consumer<? super T> progress) {
    Objects.requireNonNull(poll, "poll == null");
    Objects.requireNonNull(done, "done == null");
    Objects.requireNonNull(progress, "progress == null");
    Instant start = clock.instant();
    Instant deadline = start.plus(timeout);
    for (int attempt = 0; ; attempt++) {
      T state = poll.get();
      progress.accept(state);
      if (done.test(state)) return state;
      Instant now = clock.instant();
      if (!now.isBefore(deadline)) throw timedOut(what, start, now, state);
      Duration pause = min(interval.delayForAttempt(attempt + 1), Duration.between(now, deadline));
      try {
        sleeper.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        CancellationException cancelled = new CancellationException(
            "Stopped waiting for " + what + ": the thread was interrupted");
        cancelled.initCause(e);
        throw cancelled;
      }
    }
  }

  /**
   * Like {@link #until(String, Supplier, Predicate, Consumer)}, polling on {@code scheduler}
   * (no thread waits between polls). Cancelling the future stops the polling; the future fails
   * with {@link WaitTimeoutException} at the deadline, or with what {@code poll} threw.
   *
   * @param <T> the type of the polled state
   * @param what what is awaited, for the timeout message ("build 42 to finish")
   * @param poll fetches the current state; called on {@code scheduler} at once, then after each
   *     pause
   * @param done true for the state that ends the wait
   * @param progress sees each polled state before {@code done} does, such as to log it
   * @param scheduler runs the polls; it is not shut down afterwards. If it rejects a poll, the
   *     future fails with the {@link RejectedExecutionException}
   * @return a future that completes with the first state {@code done} accepts
   */
  public <T> CompletableFuture<T> untilAsync(String what, Supplier<? extends T> poll,
      Predicate<? super T> done, Consumer<? super T> progress,
      ScheduledExecutorService scheduler) {
    Objects.requireNonNull(poll, "poll == null");
    Objects.requireNonNull(done, "done == null");
    Objects.requireNonNull(progress, "progress == null");
    Objects.requireNonNull(scheduler, "scheduler == null");
    CompletableFuture<T> result = new CompletableFuture<>();
    Instant start = clock.instant();
    schedule(new AsyncWait<>(what, poll, done, progress, scheduler, result, start,
        start.plus(timeout)), 0, Duration.ZERO);
    return result;
  }

  private <T> void schedule(AsyncWait<T> wait, int attempt, Duration delay) {
    if (wait.result.isDone()) return;
    try {
      wait.scheduler.schedule(() -> pollOnce(wait, attempt), delay.toNanos(),
          TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      wait.result.completeExceptionally(e);
    }
  }

  private <T> void pollOnce(AsyncWait<T> wait, int attempt) {
    if (wait.result.isDone()) return;
    try {
      T state = wait.poll.get();
      wait.progress.accept(state);
      if (wait.done.test(state)) {
        wait.result.complete(state);
        return;
      }
      Instant now = clock.instant();
      if (!now.isBefore(wait.deadline)) {
        wait.result.completeExceptionally(timedOut(wait.what, wait.start, now, state));
        return;
      }
      schedule(wait, attempt + 1,
          min(interval.delayForAttempt(attempt + 1), Duration.between(now, wait.deadline)));
    } catch (RuntimeException | Error e) {
      wait.result.completeExceptionally(e);
    }
  }

  private WaitTimeoutException timedOut(String what, Instant start, Instant now, Object state) {
    return new WaitTimeoutException(what, Duration.between(start, now), state);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Override
  public String toString() {
    return "Waiter{timeout=" + timeout + ", interval=" + interval + "}";
  }

  private record AsyncWait<T>(String what, Supplier<? extends T> poll,
      Predicate<? super T> done, Consumer<? super T> progress,
      ScheduledExecutorService scheduler, CompletableFuture<T> result, Instant start,
      Instant deadline) {}

  /** Builds a {@link Waiter}. */
  public static final class Builder {
    private Duration timeout = Duration.ofMinutes(10);
    private Backoff interval = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), 1.5,
        0.2);
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;

    private Builder() {}

    /**
     * How long to wait in all (default 10 minutes).
     *
     * @param timeout measured from just before the first poll; zero or positive (zero polls
     *     once)
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative()) throw new IllegalArgumentException("timeout < 0: " + timeout);
      this.timeout = timeout;
      return this;
    }

    /**
     * The delays between polls (default 1 s growing by 1.5× to 10 s, 20 % jitter).
     *
     * @param interval the delay before each further poll; the last one is cut short at the
     *     deadline
     * @return this builder
     */
    public Builder interval(Backoff interval) {
      this.interval = Objects.requireNonNull(interval, "interval == null");
      return this;
    }

    /**
     * A fixed delay between polls.
     *
     * @param every the delay; positive and at most 365 days
     * @return this builder
     * @throws IllegalArgumentException if {@code every} is zero, negative or over 365 days
     */
    public Builder interval(Duration every) {
      Objects.requireNonNull(every, "every == null");
      return interval(new Backoff(every, every, 1.0, 0.0));
    }

    /**
     * The clock the deadline is measured on.
     *
     * @param clock the clock; {@link Clock#systemUTC()} by default
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * What sleeps between blocking polls (tests pass one that advances a fake clock).
     *
     * @param sleeper the sleeper; {@link Sleeper#SYSTEM} by default. Not used by
     *     {@link Waiter#untilAsync}
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /** {@return the waiter} */
    public Waiter build() {
      return new Waiter(this);
    }
  }
}
