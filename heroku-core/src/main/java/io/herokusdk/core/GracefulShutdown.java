package io.herokusdk.core;

import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the process's work in order when Heroku stops the dyno. Heroku sends SIGTERM, then
 * SIGKILL 30 s later; the JVM runs shutdown hooks on SIGTERM. This class installs one hook that
 * runs the registered stop tasks one after another, <b>in reverse registration order</b> (what
 * was started last stops first: the web server before the queue worker before the database
 * pool), all within a deadline (default 25 s, leaving a margin before SIGKILL).
 *
 * <pre>{@code
 * GracefulShutdown shutdown = GracefulShutdown.install();
 * shutdown.registerClose("database", postgres);            // closed last
 * shutdown.register("worker", Duration.ofSeconds(20), worker::stop);
 * shutdown.register("web", web::stop);                     // stopped first
 * }</pre>
 *
 * <p>Each task runs on a thread of its own and gets what is left of the deadline, or less if
 * registered with a budget. A task still running when its time is up is interrupted and left
 * behind (<em>cut off</em>); a task that throws is logged and the next one runs; tasks not started
 * before the deadline are <em>skipped</em>. Every outcome is logged (SLF4J logger
 * {@code io.herokusdk.core.GracefulShutdown}) and returned in a {@link Report}.
 *
 * <p>{@link #run()} does what the hook does, without a signal: call it to test shutdown, or let
 * {@link #close()} call it when a one-off job ends normally. The tasks run at most once.
 * Thread-safe.
 */
public final class GracefulShutdown implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);

  /** The default deadline: 25 s, five seconds before Heroku's SIGKILL. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(25);

  /** How a stop task ended. */
  public enum Status {
    /** It returned within its time. */
    FINISHED,
    /** It threw; {@link Outcome#failure()} has what. */
    FAILED,
    /** It was still running when its time was up; its thread was interrupted and left behind. */
    CUT_OFF,
    /** The deadline had passed before its turn, so it never started. */
    SKIPPED
  }

  /**
   * What happened to one stop task.
   *
   * @param name the name it was registered with
   * @param status how it ended
   * @param took how long it ran (zero if skipped; its allowed time if cut off)
   * @param failure what it threw, if it failed
   */
  public record Outcome(String name, Status status, Duration took, Optional<Throwable> failure) {
    /**
     * Checks for nulls.
     *
     * @param name the name it was registered with
     * @param status how it ended
     * @param took how long it ran (zero if skipped)
     * @param failure what it threw if it failed, else empty
     */
    public Outcome {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(status, "status == null");
      Objects.requireNonNull(took, "took == null");
      Objects.requireNonNull(failure, "failure == null");
    }
  }

  /**
   * The outcomes of a shutdown, in the order the tasks ran (reverse registration order).
   *
   * @param outcomes one per registered task
   * @param took how long the whole shutdown took
   */
  public record Report(List<Outcome> outcomes, Duration took) {
    /**
     * Copies the list.
     *
     * @param outcomes one per registered task, in the order they ran; none null
     * @param took how long the whole shutdown took
     */
    public Report {
      outcomes = List.copyOf(outcomes);
      Objects.requireNonNull(took, "took == null");
    }

    /**
     * Whether every task finished in time without throwing.
     *
     * @return true if every outcome is {@link Status#FINISHED}; true when no task was registered
     */
    public boolean allFinished() {
      return outcomes.stream().allMatch(outcome -> outcome.status() == Status.FINISHED);
    }

    /**
     * The outcome of the task registered as {@code name}, if there is one.
     *
     * @param name the name given at registration, matched exactly
     * @return the outcome, the first one that ran if several tasks share the name; or empty
     */
    public Optional<Outcome> outcome(String name) {
      return outcomes.stream().filter(outcome -> outcome.name().equals(name)).findFirst();
    }
  }

  /** A stop task: a Runnable, or an AutoCloseable's close. */
  @FunctionalInterface
  private interface Stopper {
    void stop() throws Exception;
  }

  private record Task(String name, @Nullable Duration budget, Stopper stopper) {}

  private final Duration deadline;
  private final List<Task> tasks = new ArrayList<>();
  private final AtomicBoolean started = new AtomicBoolean();
  private final CompletableFuture<Report> report = new CompletableFuture<>();
  private final @Nullable Thread hook;

  private GracefulShutdown(Builder builder) {
    this.deadline = builder.deadline;
    if (builder.installHook) {
      this.hook = new Thread(this::runFromHook, "heroku-graceful-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
    } else {
      this.hook = null;
    }
  }

  /**
   * Installs a JVM shutdown hook that stops the registered tasks within 25 s.
   *
   * @return a new instance with its hook installed and no tasks yet
   */
  public static GracefulShutdown install() {
    return builder().build();
  }

  /**
   * Returns a builder: deadline 25 s, shutdown hook installed.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Registers {@code stop}, to run with what is left of the deadline.
   *
   * @param name what it stops, for the log ("web", "email worker"); not blank
   * @param stop stops it; runs once, on a thread of its own, interrupted if cut off
   * @return this
   * @throws IllegalStateException if the shutdown has started
   */
  public GracefulShutdown register(String name, Runnable stop) {
    Objects.requireNonNull(stop, "stop == null");
    return add(name, null, stop::run);
  }

  /**
   * Registers {@code stop}, to be cut off after {@code budget} (or at the deadline, if sooner).
   *
   * @param name what it stops, for the log ("web", "email worker"); not blank
   * @param budget the most time it gets; positive
   * @param stop stops it; runs once, on a thread of its own, interrupted if cut off
   * @return this
   * @throws IllegalArgumentException if {@code budget} is zero or negative
   * @throws IllegalStateException if the shutdown has started
   */
  public GracefulShutdown register(String name, Duration budget, Runnable stop) {
    Objects.requireNonNull(budget, "budget == null");
    Objects.requireNonNull(stop, "stop == null");
    if (budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("budget must be positive, was " + budget);
    }
    return add(name, budget, stop::run);
  }

  /**
   * Registers closing {@code resource} (a pool, a client), to run with what is left of the
   * deadline; what its close throws counts as a failure. (A method of its own, not a
   * {@code register} overload, so that lambdas are never ambiguous.)
   *
   * @param name what it closes, for the log ("database", "redis"); not blank
   * @param resource closed once, on a thread of its own, interrupted if cut off
   * @return this
   * @throws IllegalStateException if the shutdown has started
   */
  public GracefulShutdown registerClose(String name, AutoCloseable resource) {
    Objects.requireNonNull(resource, "resource == null");
    return add(name, null, resource::close);
  }

  private synchronized GracefulShutdown add(
      String name, @Nullable Duration budget, Stopper stopper) {
    Objects.requireNonNull(name, "name == null");
    if (name.isBlank()) throw new IllegalArgumentException("name must not be blank");
    if (started.get()) {
      throw new IllegalStateException("Cannot register \"" + name + "\": the shutdown has "
          + "already started.");
    }
    tasks.add(new Task(name, budget, stopper));
    return this;
  }

  /**
   * Whether the shutdown has started (SIGTERM arrived, or {@link #run()} or close was called).
   *
   * @return true once it has started, also after it is done
   */
  public boolean isShuttingDown() {
    return started.get();
  }

  /**
   * The time all tasks together get.
   *
   * @return the deadline; {@link #DEFAULT_DEADLINE} unless the builder set another
   */
  public Duration deadline() {
    return deadline;
  }

  /**
   * Runs the stop tasks now, as SIGTERM would, and returns what happened. Only the first call
   * runs them; later and concurrent calls wait for it and return the same report.
   *
   * @return one outcome per registered task, in the order they ran
   * @throws IllegalStateException in a later call, if the first one failed unexpectedly
   */
  public Report run() {
    if (!started.compareAndSet(false, true)) return awaitReport();
    List<Task> order;
    synchronized (this) {
      order = new ArrayList<>(tasks);
    }
    Collections.reverse(order);
    Report result;
    try {
      result = stopAll(order);
    } catch (RuntimeException | Error e) {
      report.completeExceptionally(e);
      throw e;
    }
    report.complete(result);
    return result;
  }

  private Report awaitReport() {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return report.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          throw new IllegalStateException("The shutdown failed", e.getCause());
        }
      }
    } finally {
      if (interrupted) Thread.currentThread().interrupt();
    }
  }

  private Report stopAll(List<Task> order) {
    long start = System.nanoTime();
    long end = start + deadline.toNanos();
    log.info("Shutting down: stopping {} task(s) within {} ms", order.size(), deadline.toMillis());
    List<Outcome> outcomes = new ArrayList<>();
    for (Task task : order) {
      long left = end - System.nanoTime();
      if (left <= 0 || Thread.currentThread().isInterrupted()) {
        outcomes.add(new Outcome(task.name(), Status.SKIPPED, Duration.ZERO, Optional.empty()));
        log.warn("Shutdown: skipped {}: the {} ms deadline had passed before it could start",
            task.name(), deadline.toMillis());
        continue;
      }
      long allowed = task.budget() == null ? left : Math.min(left, task.budget().toNanos());
      outcomes.add(stop(task, allowed));
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    Report result = new Report(outcomes, took);
    log.info("Shutdown done in {} ms: {}", took.toMillis(), summary(result));
    return result;
  }

  /** Runs one task on its own thread and waits for it at most {@code allowedNanos}. */
  private Outcome stop(Task task, long allowedNanos) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        task.stopper().stop();
        done.complete(null);
      } catch (Throwable t) {
        done.completeExceptionally(t);
      }
    }, "heroku-graceful-shutdown-" + task.name());
    thread.setDaemon(true);
    long begin = System.nanoTime();
    thread.start();
    try {
      done.get(allowedNanos, TimeUnit.NANOSECONDS);
      Duration took = Duration.ofNanos(System.nanoTime() - begin);
      log.info("Shutdown: stopped {} in {} ms", task.name(), took.toMillis());
      return new Outcome(task.name(), Status.FINISHED, took, Optional.empty());
    } catch (ExecutionException e) {
      Duration took = Duration.ofNanos(System.nanoTime() - begin);
      log.error("Shutdown: stopping {} failed after {} ms", task.name(), took.toMillis(),
          e.getCause());
      Throwable failure = Objects.requireNonNullElse(e.getCause(), e);
      return new Outcome(task.name(), Status.FAILED, took, Optional.of(failure));
    } catch (TimeoutException e) {
      thread.interrupt();
      Duration took = Duration.ofNanos(System.nanoTime() - begin);
      log.warn("Shutdown: cut off {}: still running after {} ms, interrupted and left behind",
          task.name(), took.toMillis());
      return new Outcome(task.name(), Status.CUT_OFF, took, Optional.empty());
    } catch (InterruptedException e) {
      thread.interrupt();
      Thread.currentThread().interrupt();
      Duration took = Duration.ofNanos(System.nanoTime() - begin);
      log.warn("Shutdown: cut off {}: the shutdown thread was interrupted", task.name());
      return new Outcome(task.name(), Status.CUT_OFF, took, Optional.empty());
    }
  }

  private static String summary(Report report) {
    StringBuilder out = new StringBuilder();
    for (Outcome outcome : report.outcomes()) {
      if (out.length() > 0) out.append(", ");
      out.append(outcome.name()).append(' ')
          .append(outcome.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    }
    return out.length() == 0 ? "nothing registered" : out.toString();
  }

  private void runFromHook() {
    run();
  }

  /**
   * Runs the stop tasks if they have not run yet (a job that ends normally stops its work the
   * same way), and removes the shutdown hook unless the JVM is already shutting down.
   */
  @Override
  public void close() {
    if (hook != null && Thread.currentThread() != hook) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down and the hook is running or about to: run() waits for it
      }
    }
    run();
  }

  /** Names the registered tasks and the deadline. */
  @Override
  public synchronized String toString() {
    List<String> names = new ArrayList<>();
    for (Task task : tasks) names.add(task.name());
    return "GracefulShutdown{deadline=" + deadline + ", tasks=" + names
        + (started.get() ? ", started" : "") + "}";
  }

  /** Builds a {@link GracefulShutdown}. Not thread-safe. */
  public static final class Builder {
    private Duration deadline = DEFAULT_DEADLINE;
    private boolean installHook = true;

    private Builder() {}

    /**
     * The time all tasks together get (default 25 s; Heroku sends SIGKILL at 30 s).
     *
     * @param deadline the time, counted from SIGTERM or the call to {@link GracefulShutdown#run()};
     *     positive
     * @return this builder
     * @throws IllegalArgumentException if {@code deadline} is zero or negative
     */
    public Builder deadline(Duration deadline) {
      Objects.requireNonNull(deadline, "deadline == null");
      if (deadline.isNegative() || deadline.isZero()) {
        throw new IllegalArgumentException("deadline must be positive, was " + deadline);
      }
      this.deadline = deadline;
      return this;
    }

    /**
     * Whether to install the JVM shutdown hook (default true). Tests turn it off and call
     * {@link GracefulShutdown#run()}.
     *
     * @param installHook false to add no hook, so that only {@code run()} and {@code close()} stop
     *     the tasks
     * @return this builder
     */
    public Builder installHook(boolean installHook) {
      this.installHook = installHook;
      return this;
    }

    /**
     * Returns a new instance, installing its shutdown hook if asked to.
     *
     * @return the instance, with no tasks yet
     */
    public GracefulShutdown build() {
      return new GracefulShutdown(this);
    }
  }
}
