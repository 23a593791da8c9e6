package io.herokusdk.redis.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Runs at most one computation per key at a time in this process; callers that arrive while it
 * runs wait for and share its result (or its exception).
 */
public final class SingleFlight<V> {
  private final ConcurrentMap<String, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();

  /** Returns the result of {@code work}, run once for all concurrent callers with this key. */
  public V run(String key, Supplier<V> work) {
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> existing = inFlight.putIfAbsent(key, mine);
    if (existing != null) return await(existing);
    try {
      V value = work.get();
      mine.complete(value);
      return value;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(key, mine);
    }
  }

  /** The number of keys being computed right now. */
  public int inFlight() {
    return inFlight.size();
  }

  private static <V> V await(CompletableFuture<V> future) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return future.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException) throw (RuntimeException) cause;
          if (cause instanceof Error) throw (Error) cause;
          throw new IllegalStateException(cause);
        }
      }
    } finally {
      if (interrupted) Thread.currentThread().interrupt();
    }
  }
}
