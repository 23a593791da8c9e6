package io.herokusdk.postgres;

import io.herokusdk.postgres.internal.StatStatements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import javax.sql.DataSource;

/**
 * What {@code heroku pg:info} and the pg-extras plugin show, as typed values: ping, connection
 * use, size, tables, hit ratios, long-running queries, blocking locks and top queries. Each
 * method borrows one connection ({@link #summary()} one per value, in turn) and runs read-only
 * catalog queries. Thread-safe. The other pg-extras commands and {@code pg:diagnose} are in
 * {@link PgExtras}.
 */
public final class PostgresDiagnostics {
  private final DataSource dataSource;

  private PostgresDiagnostics(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Returns diagnostics over any PostgreSQL DataSource.
   *
   * @param dataSource the database to examine; each method borrows one connection from it
   * @return diagnostics over {@code dataSource}
   */
  public static PostgresDiagnostics of(DataSource dataSource) {
    return new PostgresDiagnostics(Objects.requireNonNull(dataSource, "dataSource == null"));
  }

  /**
   * A round trip to the server.
   *
   * @param latency the time a {@code SELECT 1} took, not counting borrowing the connection
   * @param serverVersion the server's {@code server_version}, like "17.2"
   */
  public record Ping(Duration latency, String serverVersion) {}

  /**
   * Connections to the server against its limit (all databases, as {@code max_connections} is
   * server-wide).
   *
   * @param inUse client connections open now, including this one
   * @param maxConnections the server's {@code max_connections}
   */
  public record ConnectionUsage(int inUse, int maxConnections) {
    /**
     * {@code inUse / maxConnections}, from 0 to 1.
     *
     * @return the share of {@code max_connections} in use; 0 if {@code maxConnections} is 0
     */
    public double ratio() {
      return maxConnections == 0 ? 0 : (double) inUse / maxConnections;
    }
  }

  /**
   * Buffer cache and index use of user tables, as pg-extras' {@code cache_hit} and {@code
   * index_usage}. A ratio is empty when there has been nothing to count yet.
   *
   * @param tableCacheHitRatio heap blocks found in the cache / heap blocks read
   * @param indexCacheHitRatio index blocks found in the cache / index blocks read
   * @param indexUsageRatio index scans / (index scans + sequential scans)
   */
  public record HitRatios(OptionalDouble tableCacheHitRatio, OptionalDouble indexCacheHitRatio,
      OptionalDouble indexUsageRatio) {}

  /**
   * A statement that has been running for a while.
   *
   * @param pid the backend's process id (for {@code pg_cancel_backend})
   * @param duration how long the current statement has been running
   * @param state the backend's state, like "active" or "idle in transaction"
   * @param query the statement's text as the server reports it
   */
  public record LongRunningQuery(int pid, Duration duration, String state, String query) {}

  /**
   * A statement waiting for a lock that another backend holds.
   *
   * @param blockedPid the waiting backend
   * @param blockedQuery what it is trying to run
   * @param waiting how long its statement has been running
   * @param blockingPid the backend holding the lock
   * @param blockingQuery the last statement of the holder
   * @param blockingState the holder's state, often "idle in transaction"
   */
  public record BlockingLock(int blockedPid, String blockedQuery, Duration waiting,
      int blockingPid, String blockingQuery, String blockingState) {}

  /**
   * One normalized statement from {@code pg_stat_statements}.
   *
   * @param query the normalized text, constants replaced by $1, $2...
   * @param calls how often it ran
   * @param totalTime the time spent in it in total
   * @param meanTime the average time per call
   * @param rows rows returned or affected in total
   */
  public record QueryStats(String query, long calls, Duration totalTime, Duration meanTime,
      long rows) {}

  /** The result of {@link #topQueries(int)}: statistics, or why there are none. */
  public sealed interface TopQueries {
    /**
     * {@code pg_stat_statements} answered; {@code queries} is ordered by total time.
     *
     * @param queries the statements, most total time first
     */
    record Available(List<QueryStats> queries) implements TopQueries {
      /**
       * Copies the list.
       *
       * @param queries the statements, most total time first; copied
       */
      public Available {
        queries = List.copyOf(queries);
      }
    }

    /**
     * {@code pg_stat_statements} cannot be read; {@code reason} says why and how to fix it.
     *
     * @param reason why, and the SQL or setting that fixes it
     */
    record Unavailable(String reason) implements TopQueries {}
  }

  /**
   * Everything at once, like {@code heroku pg:info}.
   *
   * @param ping the round trip
   * @param connections connection use
   * @param databaseSizeBytes {@link #databaseSizeBytes()}
   * @param tableCount {@link #tableCount()}
   * @param hitRatios {@link #hitRatios()}
   */
  public record Summary(Ping ping, ConnectionUsage connections, long databaseSizeBytes,
      int tableCount, HitRatios hitRatios) {}

  /**
   * Runs {@code SELECT 1} and reads the server version.
   *
   * @return the time {@code SELECT 1} took and the server's version
   * @throws SQLException if the database cannot be reached or the query fails
   */
  public Ping ping() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      long start = System.nanoTime();
      try (ResultSet row = statement.executeQuery("SELECT 1")) {
        row.next();
      }
      Duration latency = Duration.ofNanos(System.nanoTime() - start);
      try (ResultSet row = statement.executeQuery("SHOW server_version")) {
        row.next();
        return new Ping(latency, row.getString(1));
      }
    }
  }

  /**
   * Counts client connections and reads {@code max_connections}.
   *
   * @return the client connections of all databases on the server and its
   *     {@code max_connections}
   * @throws SQLException if the database cannot be reached or the query fails
   */
  public ConnectionUsage connections() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT"
            + " (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'),"
            + " current_setting('max_connections')::int")) {
      row.next();
      return new ConnectionUsage(row.getInt(1), row.getInt(2));
    }
  }

  /**
   * Returns {@code pg_database_size(current_database())} in bytes.
   *
   * @return the current database's size on disk, in bytes
   * @throws SQLException if the database cannot be reached or the query fails
   */
  public long databaseSizeBytes() throws SQLException {
    return queryLong("SELECT pg_database_size(current_database())");
  }

  /**
   * Counts ordinary and partitioned tables outside the system schemas.
   *
   * @return the number of tables outside {@code pg_catalog}, {@code information_schema} and the
   *     TOAST schemas
   * @throws SQLException if the database cannot be reached or the query fails
   */
  public int tableCount() throws SQLException {
    return (int) queryLong("SELECT count(*) FROM pg_class c"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
        + " AND n.nspname NOT LIKE 'pg_toast%'");
  }

  /**
   * Reads the cache and index hit ratios of user tables.
   *
   * @return the table cache, index cache and index usage ratios; each empty until there is
   *     something to count
   * @throws SQLException if the database cannot be reached or the query fails
   */
  public HitRatios hitRatios() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT"
            + " (SELECT sum(heap_blks_hit)::float8 / nullif(sum(heap_blks_hit + heap_blks_read), 0)"
            + "    FROM pg_statio_user_tables),"
            + " (SELECT sum(idx_blks_hit)::float8 / nullif(sum(idx_blks_hit + idx_blks_read), 0)"
            + "    FROM pg_statio_user_indexes),"
            + " (SELECT sum(idx_scan)::float8 / nullif(sum(idx_scan + seq_scan), 0)"
            + "    FROM pg_stat_user_tables)")) {
      row.next();
      return new HitRatios(optionalDouble(row, 1), optionalDouble(row, 2),
          optionalDouble(row, 3));
    }
  }

  /**
   * Lists statements of other backends running longer than {@code threshold}, longest first.
   *
   * @param threshold how long a statement must have been running to be listed
   * @return the statements of other non-idle client backends, in any database of the server,
   *     longest first; empty if none
   * @throws SQLException if the database cannot be reached or the query fails
   */
  public List<LongRunningQuery> longRunningQueries(Duration threshold) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement("SELECT pid,"
            + " (extract(epoch FROM now() - query_start) * 1000)::bigint, state, query"
            + " FROM pg_stat_activity"
            + " WHERE state <> 'idle' AND pid <> pg_backend_pid() AND query_start IS NOT NULL"
            + " AND backend_type = 'client backend'"
            + " AND now() - query_start > make_interval(secs => ?)"
            + " ORDER BY query_start")) {
      statement.setDouble(1, threshold.toNanos() / 1e9);
      List<LongRunningQuery> result = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          result.add(new LongRunningQuery(rows.getInt(1), Duration.ofMillis(rows.getLong(2)),
              rows.getString(3), rows.getString(4)));
        }
      }
      return List.copyOf(result);
    }
  }

  /**
   * Lists backends waiting for a lock, with the backend that holds it.
   *
   * @return one entry per waiting backend and holder, longest waiting first; empty if none
   * @throws SQLException if the database cannot be reached or the query fails
   */
  public List<BlockingLock> blockingLocks() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT blocked.pid, blocked.query,"
            + " (extract(epoch FROM now() - blocked.query_start) * 1000)::bigint,"
            + " blocking.pid, blocking.query, blocking.state"
            + " FROM pg_stat_activity blocked"
            + " CROSS JOIN LATERAL unnest(pg_blocking_pids(blocked.pid)) AS holder(pid)"
            + " JOIN pg_stat_activity blocking ON blocking.pid = holder.pid"
            + " ORDER BY blocked.query_start")) {
      List<BlockingLock> result = new ArrayList<>();
      while (rows.next()) {
        result.add(new BlockingLock(rows.getInt(1), rows.getString(2),
            Duration.ofMillis(rows.getLong(3)), rows.getInt(4), rows.getString(5),
            rows.getString(6)));
      }
      return List.copyOf(result);
    }
  }

  /**
   * Returns the {@code limit} statements with the most total execution time in this database
   * from {@code pg_stat_statements}, or {@link TopQueries.Unavailable} saying why not.
   *
   * @param limit the most statements to return, at least 1
   * @return {@link TopQueries.Available} with up to {@code limit} statements, or
   *     {@link TopQueries.Unavailable} if the extension is not installed or not preloaded
   * @throws IllegalArgumentException if {@code limit} is below 1
   * @throws SQLException if the database cannot be reached or the query fails
   */
  public TopQueries topQueries(int limit) throws SQLException {
    if (limit < 1) throw new IllegalArgumentException("limit is " + limit + "; it must be >= 1");
    try (Connection connection = dataSource.getConnection()) {
      StatStatements.Result result =
          StatStatements.read(connection, StatStatements.Order.TOTAL_TIME, limit);
      if (result.rows() == null) {
      return new TopQueries.Unavailable(Objects.requireNonNull(result.unavailableReason()));
    }
      List<QueryStats> queries = new ArrayList<>();
      for (StatStatements.Row row : result.rows()) {
        queries.add(new QueryStats(row.query(), row.calls(), millis(row.totalMillis()),
            millis(row.meanMillis()), row.rows()));
      }
      return new TopQueries.Available(queries);
    }
  }

  /**
   * Runs the single-value queries together.
   *
   * @return the ping, connection use, database size, table count and hit ratios; each read on a
   *     connection of its own
   * @throws SQLException if the database cannot be reached or a query fails
   */
  public Summary summary() throws SQLException {
    return new Summary(ping(), connections(), databaseSizeBytes(), tableCount(), hitRatios());
  }

  private long queryLong(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  static OptionalDouble optionalDouble(ResultSet row, int column) throws SQLException {
    double value = row.getDouble(column);
    return row.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  static Duration millis(double millis) {
    return Duration.ofNanos(Math.round(millis * 1_000_000));
  }

  @Override
  public String toString() {
    return "PostgresDiagnostics[" + dataSource + "]";
  }
}
