package io.herokusdk.postgres;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.herokusdk.postgres.internal.ConnectFailures;
import io.herokusdk.postgres.internal.ConnectOutcomes;
import io.herokusdk.postgres.internal.PoolGate;
import java.io.Closeable;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A pooled {@link DataSource} for one Heroku Postgres database, backed by HikariCP. Close it (or
 * the {@link HerokuPostgres} that made it) to close its connections and threads.
 *
 * <p>When the pool cannot connect, {@link #getConnection()} throws a {@link
 * DatabaseConnectException} naming the reason, the config var and what to do: at once for a
 * permanent reason (password rejected, ...) while the pool holds no connection, after the
 * connection timeout for a transient one (refused during a restart, ...). When no connection
 * frees up within the connection timeout, it throws a {@link PoolExhaustedException} saying the
 * pool size, the plan's limit and how to raise it.
 *
 * <p>{@code unwrap(HikariDataSource.class)} gives the underlying pool, e.g. for metrics.
 */
public final class PostgresDataSource implements DataSource, Closeable {
  private final HikariDataSource pool;
  private final JdbcSettings settings;
  private final PoolSizing sizing;
  private final boolean readOnly;
  private final ConnectOutcomes outcomes;
  private final ConnectFailures failures;
  private final PoolGate gate;

  PostgresDataSource(HikariDataSource pool, JdbcSettings settings, PoolSizing sizing,
      boolean readOnly, ConnectOutcomes outcomes) {
    this.pool = pool;
    this.settings = settings;
    this.sizing = sizing;
    this.readOnly = readOnly;
    this.outcomes = outcomes;
    this.failures = new ConnectFailures(settings, sizing);
    this.gate = new PoolGate(pool, outcomes, failures);
  }

  /**
   * Borrows a connection; close it to give it back.
   *
   * @throws DatabaseConnectException if the pool cannot connect (at once if the reason is
   *     permanent and the pool holds no connection)
   * @throws PoolExhaustedException if every pooled connection stayed in use for the timeout
   */
  @Override
  public Connection getConnection() throws SQLException {
    try {
      return gate.borrow();
    } catch (SQLTransientConnectionException e) {
      throw explain(e);
    }
  }

  /** Not supported: the pool's credentials come from the config var. */
  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("PostgresDataSource takes its credentials from "
        + settings.configVar() + "; use getConnection()");
  }

  private SQLException explain(SQLTransientConnectionException e) {
    long timeoutMillis = pool.getConnectionTimeout();
    HikariPoolMXBean bean = pool.getHikariPoolMXBean();
    int active = bean == null ? -1 : bean.getActiveConnections();
    int waiting = bean == null ? -1 : bean.getThreadsAwaitingConnection();
    ConnectFailures.Failure lastFailure = outcomes.lastFailure();
    if (lastFailure != null && active < sizing.poolSize()) {
      return failures.exception(lastFailure, timeoutMillis);
    }
    if (e.getCause() != null && active < sizing.poolSize()) {
      // a data source of the caller's own (hikariCustomizer) failed: no outcome was recorded
      return new SQLTransientConnectionException("Could not connect to the database in "
          + settings.configVar() + " within " + timeoutMillis + " ms; the driver's error is the "
          + "cause. Check that " + settings.configVar() + " is current (Heroku changes it on "
          + "credential rotation and maintenance) and that the database is up.",
          e.getSQLState(), e);
    }
    String message = "No connection to " + settings.configVar() + " became free within "
        + timeoutMillis + " ms: " + active + " of " + sizing.poolSize()
        + " pooled connections are in use and " + waiting + " thread(s) are waiting. Pool: "
        + sizing.describe() + ". To raise it, set DB_CONNECTION_LIMIT to your plan's connection "
        + "limit (e.g. 120 for standard-0), lower DB_DYNO_COUNT/WEB_CONCURRENCY/"
        + "DB_RESERVED_CONNECTIONS if they overstate what shares the database, or set "
        + "DB_POOL_SIZE (keep DB_POOL_SIZE × processes + reserved within the limit); also check "
        + "that every connection is closed (DB_LEAK_DETECTION_THRESHOLD=10s logs the ones that "
        + "are not).";
    return new PoolExhaustedException(message, sizing.poolSize(), sizing.connectionLimit(), e);
  }

  /**
   * The settings the pool connects with; the JDBC URL in it holds no credentials.
   *
   * @return the settings, with the config var the URL came from
   */
  public JdbcSettings jdbcSettings() {
    return settings;
  }

  /**
   * How the pool's size was chosen.
   *
   * @return the sizing; {@link PoolSizing#poolSize()} is the pool's maximum size
   */
  public PoolSizing poolSizing() {
    return sizing;
  }

  /**
   * True if connections are handed out read-only (follower pools).
   *
   * @return true for pools from {@link HerokuPostgres#readOnlyDataSource(String)}
   */
  public boolean isReadOnly() {
    return readOnly;
  }

  /**
   * True once {@link #close()} has been called.
   *
   * @return true if this pool (or the {@link HerokuPostgres} that made it) was closed
   */
  public boolean isClosed() {
    return pool.isClosed();
  }

  /** Closes every connection and stops the pool's threads. Idempotent. */
  @Override
  public void close() {
    pool.close();
    gate.close();
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return pool.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    pool.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    pool.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return pool.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return pool.getParentLogger();
  }

  /** Unwraps to this object, the {@link HikariDataSource}, or what HikariCP can unwrap to. */
  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) return type.cast(this);
    if (type.isInstance(pool)) return type.cast(pool);
    return pool.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || type.isInstance(pool) || pool.isWrapperFor(type);
  }

  /** Names the config var, host and pool size; never credentials. */
  @Override
  public String toString() {
    return "PostgresDataSource[" + settings.configVar() + ", " + settings.jdbcUrl()
        + ", poolSize=" + sizing.poolSize() + (readOnly ? ", readOnly" : "") + "]";
  }
}
