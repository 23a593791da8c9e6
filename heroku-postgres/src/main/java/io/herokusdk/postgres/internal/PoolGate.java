package io.herokusdk.postgres.internal;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.io.Closeable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Borrows connections from a HikariCP pool, but does not let a caller wait out the connection
 * timeout for a failure that waiting cannot fix. HikariCP keeps a caller in {@code
 * getConnection()} for the whole timeout even when every attempt to connect fails at once (wrong
 * password, ...). So while the pool holds no connection at all, the borrow runs on a helper
 * thread and the caller waits for it or for {@link ConnectOutcomes} to report a permanent
 * failure, whichever comes first; a permanent failure already known is thrown at once. A pool
 * that holds connections is borrowed from directly: a connection in use may come back.
 */
public final class PoolGate implements Closeable {
  private final HikariDataSource pool;
  private final ConnectOutcomes outcomes;
  private final ConnectFailures failures;
  private final ThreadPoolExecutor helpers;
  private final AtomicBoolean retrying = new AtomicBoolean();

  /** Guards {@code pool}, whose connections are opened through a data source feeding {@code outcomes}. */
  public PoolGate(HikariDataSource pool, ConnectOutcomes outcomes, ConnectFailures failures) {
    this.pool = pool;
    this.outcomes = outcomes;
    this.failures = failures;
    AtomicInteger count = new AtomicInteger();
    String name = pool.getPoolName() + "-connect-";
    this.helpers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), runnable -> {
          Thread thread = new Thread(runnable, name + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  /**
   * Borrows a connection. Throws HikariCP's exceptions as they are, except that a permanent
   * connect failure while the pool is empty becomes a {@link
   * io.herokusdk.postgres.DatabaseConnectException} at once.
   */
  public Connection borrow() throws SQLException {
    HikariPoolMXBean bean = pool.getHikariPoolMXBean();
    if (bean == null || bean.getTotalConnections() > 0) return pool.getConnection();
    return borrowFromEmptyPool();
  }

  private Connection borrowFromEmptyPool() throws SQLException {
    ConnectFailures.Failure known = outcomes.permanentFailure();
    if (known != null) {
      keepPoolTrying();
      throw failures.exception(known, -1);
    }
    CompletableFuture<Connection> borrowed = new CompletableFuture<>();
    borrowed.whenComplete((connection, error) -> outcomes.wakeUp());
    try {
      helpers.execute(() -> {
        try {
          borrowed.complete(pool.getConnection());
        } catch (Throwable t) {
          borrowed.completeExceptionally(t);
        }
      });
    } catch (RejectedExecutionException e) {
      return pool.getConnection(); // closed: HikariCP says so
    }
    ConnectFailures.Failure permanent;
    try {
      permanent = outcomes.awaitPermanentFailure(borrowed::isDone);
    } catch (InterruptedException e) {
      abandon(borrowed);
      Thread.currentThread().interrupt();
      throw new SQLException("Interrupted while waiting for a connection", "08001", e);
    }
    if (permanent != null) {
      abandon(borrowed);
      throw failures.exception(permanent, -1);
    }
    try {
      return borrowed.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException) throw (SQLException) cause;
      if (cause instanceof RuntimeException) throw (RuntimeException) cause;
      if (cause instanceof Error) throw (Error) cause;
      throw new SQLException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // not reached: the future is done
      throw new SQLException("Interrupted while waiting for a connection", "08001", e);
    }
  }

  /** Gives back the connection a helper may still get for a caller that has gone. */
  private static void abandon(CompletableFuture<Connection> borrowed) {
    borrowed.thenAccept(connection -> {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // back in the pool or evicted either way
      }
    });
  }

  /**
   * Keeps one borrow waiting in the background, so that HikariCP keeps trying to connect (it
   * only does while someone waits or idle connections are below minimumIdle) and the pool
   * recovers once the cause is fixed.
   */
  private void keepPoolTrying() {
    if (!retrying.compareAndSet(false, true)) return;
    try {
      helpers.execute(() -> {
        try {
          pool.getConnection().close(); // the pool works again
        } catch (SQLException | RuntimeException e) {
          // still failing; the next caller tries again
        } finally {
          retrying.set(false);
        }
      });
    } catch (RejectedExecutionException e) {
      retrying.set(false);
    }
  }

  /** Stops the helper threads; call after closing the pool. */
  @Override
  public void close() {
    helpers.shutdownNow();
  }
}
