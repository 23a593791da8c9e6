package io.herokusdk.api.workflow;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Runs a long workflow asynchronously: its first call on a scheduler, then a {@link
 * io.herokusdk.core.Waiter#untilAsync} wait, then its result. The scheduler is the caller's
 * (left running), or one daemon thread owned by this one call and shut down when its future
 * completes, so no thread outlives its work and none is shared. Cancelling the returned future
 * stops the polling.
 */
final class Async {
  private Async() {}

  static <S, W, T> CompletableFuture<T> run(ScheduledExecutorService scheduler, Supplier<S> start,
      BiFunction<S, ScheduledExecutorService, CompletableFuture<W>> wait, BiFunction<S, W, T> finish) {
    CompletableFuture<T> result = new CompletableFuture<>();
    CompletableFuture.supplyAsync(start, scheduler).whenComplete((started, failure) -> {
      if (failure != null) {
        result.completeExceptionally(unwrap(failure));
        return;
      }
      if (result.isDone()) return;
      CompletableFuture<W> waiting;
      try {
        waiting = wait.apply(started, scheduler);
      } catch (RuntimeException | Error e) {
        result.completeExceptionally(e);
        return;
      }
      result.whenComplete((value, error) -> waiting.cancel(false));
      waiting.whenComplete((state, error) -> {
        if (error != null) {
          result.completeExceptionally(unwrap(error));
          return;
        }
        try {
          result.complete(finish.apply(started, state));
        } catch (RuntimeException | Error e) {
          result.completeExceptionally(e);
        }
      });
    });
    return result;
  }

  /** Like {@link #run} on a daemon thread named {@code name}, shut down with the future. */
  static <S, W, T> CompletableFuture<T> runOwned(String name, Supplier<S> start,
      BiFunction<S, ScheduledExecutorService, CompletableFuture<W>> wait, BiFunction<S, W, T> finish) {
    ScheduledThreadPoolExecutor own = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
    own.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    CompletableFuture<T> result = run(own, start, wait, finish);
    result.whenComplete((value, error) -> own.shutdown());
    return result;
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }
}
