package io.herokusdk.postgres;

/**
 * How the pool size was chosen. Every process that shares the database gets the same pool, so
 * {@code poolSize × processes + reservedConnections} must stay within the plan's
 * {@code connectionLimit}:
 *
 * <pre>
 * poolSize = min(cap, max(1, (connectionLimit - reservedConnections) / processes))
 * </pre>
 *
 * unless the size was given explicitly ({@code DB_POOL_SIZE} or
 * {@link HerokuPostgres.Builder#maximumPoolSize(int)}).
 *
 * @param poolSize the maximum number of connections this process's pool opens
 * @param connectionLimit the plan's connection limit the size was derived from
 * @param processes how many processes share the database (dynos × {@code WEB_CONCURRENCY})
 * @param reservedConnections connections left free for one-off and release dynos and psql
 * @param cap the upper bound for a derived size
 * @param explicit true if the size was given, not derived
 */
public record PoolSizing(
    int poolSize,
    int connectionLimit,
    int processes,
    int reservedConnections,
    int cap,
    boolean explicit) {

  /**
   * Returns true if every process's full pool plus the reserve fits in the connection limit.
   *
   * @return true if {@code poolSize × processes + reservedConnections <= connectionLimit};
   *     false for an explicit size that is too big, or for the derived minimum of 1 when the
   *     limit leaves less than one connection per process
   */
  public boolean fitsConnectionLimit() {
    return (long) poolSize * processes + reservedConnections <= connectionLimit;
  }

  /**
   * Explains the size in one sentence, for logs and error messages.
   *
   * @return the formula with this sizing's numbers, like {@code pool size 4 = min(10,
   *     (connection limit 20 - 2 reserved) / 4 process(es))}
   */
  public String describe() {
    if (explicit) {
      return "pool size " + poolSize + ", set explicitly (" + poolSize + " × " + processes
          + " process(es) + " + reservedConnections + " reserved = "
          + ((long) poolSize * processes + reservedConnections) + " of the plan's connection limit "
          + connectionLimit + ")";
    }
    return "pool size " + poolSize + " = min(" + cap + ", (connection limit " + connectionLimit
        + " - " + reservedConnections + " reserved) / " + processes + " process(es))";
  }
}
