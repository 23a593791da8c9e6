package io.herokusdk.postgres;

import java.sql.SQLTransientConnectionException;

/**
 * No connection became free within the connection timeout because every connection in the pool
 * was in use. The message says the pool size, the plan's connection limit it was derived from
 * and how to raise it. SQLState {@code 08001}, like HikariCP's own timeout.
 */
public final class PoolExhaustedException extends SQLTransientConnectionException {
  private static final long serialVersionUID = 1L;

  /** The maximum number of connections of the exhausted pool. */
  private final int poolSize;
  /** The plan's connection limit the pool was sized for. */
  private final int connectionLimit;

  /**
   * Creates the exception; {@code cause} is HikariCP's original timeout exception.
   *
   * @param message what happened and how to raise the pool size
   * @param poolSize the maximum number of connections of the exhausted pool
   * @param connectionLimit the plan's connection limit the pool was sized for
   * @param cause HikariCP's timeout exception
   */
  public PoolExhaustedException(String message, int poolSize, int connectionLimit,
      Throwable cause) {
    super(message, "08001", cause);
    this.poolSize = poolSize;
    this.connectionLimit = connectionLimit;
  }

  /**
   * The maximum number of connections of the exhausted pool.
   *
   * @return the pool size, at least 1
   */
  public int poolSize() {
    return poolSize;
  }

  /**
   * The plan's connection limit the pool was sized for.
   *
   * @return the limit from {@code DB_CONNECTION_LIMIT} or the builder, 20 by default
   */
  public int connectionLimit() {
    return connectionLimit;
  }
}
