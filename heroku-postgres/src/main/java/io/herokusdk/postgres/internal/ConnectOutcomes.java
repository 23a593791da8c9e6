package io.herokusdk.postgres.internal;

import io.herokusdk.postgres.JdbcSettings;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * What the pool's last attempt to open a connection came to, recorded by {@link
 * PgDriverDataSource} (HikariCP opens every connection through it), so that waiting callers can
 * learn of a permanent failure without waiting for the pool's timeout.
 */
public final class ConnectOutcomes {
  private final JdbcSettings settings;
  private final Object lock = new Object();
  private ConnectFailures.@Nullable Failure lastFailure; // guarded by lock; null after a success

  /** Records outcomes of connecting with {@code settings}. */
  public ConnectOutcomes(JdbcSettings settings) {
    this.settings = settings;
  }

  void succeeded() {
    synchronized (lock) {
      lastFailure = null;
      lock.notifyAll();
    }
  }

  void failed(SQLException error) {
    ConnectFailures.Failure failure = ConnectFailures.classify(error, settings);
    synchronized (lock) {
      lastFailure = failure;
      lock.notifyAll();
    }
  }

  /** The last attempt's failure, or null if it succeeded (or none was made yet). */
  public ConnectFailures.@Nullable Failure lastFailure() {
    synchronized (lock) {
      return lastFailure;
    }
  }

  /** The last attempt's failure if it is a permanent one, else null. */
  public ConnectFailures.@Nullable Failure permanentFailure() {
    synchronized (lock) {
      return lastFailure != null && !lastFailure.reason().isTransient() ? lastFailure : null;
    }
  }

  /** Wakes {@link #awaitPermanentFailure} to look at {@code done} again. */
  public void wakeUp() {
    synchronized (lock) {
      lock.notifyAll();
    }
  }

  /**
   * Waits until {@code done} is true (then returns null) or an attempt fails permanently (then
   * returns that failure). {@code done} must be signalled with {@link #wakeUp()}.
   */
  public ConnectFailures.@Nullable Failure awaitPermanentFailure(BooleanSupplier done)
      throws InterruptedException {
    synchronized (lock) {
      while (!done.getAsBoolean()) {
        if (lastFailure != null && !lastFailure.reason().isTransient()) return lastFailure;
        lock.wait(1_000); // bounded: a missed wake-up only costs a second
      }
      return null;
    }
  }
}
