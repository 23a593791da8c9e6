package io.herokusdk.postgres;

import io.herokusdk.postgres.PostgresDiagnostics.BlockingLock;
import io.herokusdk.postgres.PostgresDiagnostics.HitRatios;
import io.herokusdk.postgres.PostgresDiagnostics.LongRunningQuery;
import io.herokusdk.postgres.internal.StatStatements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.sql.DataSource;

/**
 * The pg-extras commands ({@code heroku pg:cache-hit}, {@code pg:bloat}, {@code pg:outliers}...)
 * as typed values, and {@link #diagnose()} like {@code heroku pg:diagnose}. Statistics are those
 * of the current database; each method borrows one connection ({@link #diagnose()} one per
 * check, in turn) and runs read-only catalog queries. Cache hit, blocking and long-running
 * queries are those of {@link PostgresDiagnostics}.
 * Thread-safe.
 */
public final class PgExtras {
  private static final String USER_SCHEMAS = " NOT IN ('pg_catalog', 'information_schema')";

  private final DataSource dataSource;
  private final PostgresDiagnostics diagnostics;

  private PgExtras(DataSource dataSource) {
    this.dataSource = dataSource;
    this.diagnostics = PostgresDiagnostics.of(dataSource);
  }

  /**
   * Returns pg-extras over any PostgreSQL DataSource.
   *
   * @param dataSource the database to examine; each method borrows connections from it
   * @return pg-extras over {@code dataSource}
   */
  public static PgExtras of(DataSource dataSource) {
    return new PgExtras(Objects.requireNonNull(dataSource, "dataSource == null"));
  }

  /**
   * Index use of one table, as {@code pg:index-usage}.
   *
   * @param schema the table's schema
   * @param table the table name
   * @param indexUsageRatio index scans / (index scans + sequential scans); empty before any scan
   * @param liveRows estimated live rows
   */
  public record IndexUsage(String schema, String table, OptionalDouble indexUsageRatio,
      long liveRows) {}

  /**
   * Estimated bloat of a table or btree index, as {@code pg:bloat}: its size against the size its
   * rows would need, estimated from {@code pg_stats} average column widths (run ANALYZE first).
   *
   * @param kind "table" or "index"
   * @param schema the schema of the table or index
   * @param table the table (for an index, the table it indexes)
   * @param index the index name, empty for a table
   * @param ratio actual pages / expected pages (1 = no bloat)
   * @param wastedBytes bytes beyond the expected size
   */
  public record Bloat(String kind, String schema, String table, Optional<String> index,
      double ratio, long wastedBytes) {}

  /**
   * A lock another backend holds or waits for on a user relation, as {@code pg:locks}.
   *
   * @param pid the backend's process id (for {@code pg_cancel_backend})
   * @param schema the relation's schema
   * @param relation the locked table, index or other relation
   * @param mode like "RowExclusiveLock" or "AccessExclusiveLock"
   * @param granted false while the backend is waiting for it
   * @param age how long the backend's current or last statement has been running
   * @param query the backend's current or last statement
   */
  public record Lock(int pid, String schema, String relation, String mode, boolean granted,
      Duration age, String query) {}

  /**
   * One normalized statement from {@code pg_stat_statements}, as {@code pg:outliers} and {@code
   * pg:calls}.
   *
   * @param query the normalized text, constants replaced by $1, $2...
   * @param calls how often it ran
   * @param totalTime the time spent in it in total
   * @param meanTime the average time per call
   * @param rows rows returned or affected in total
   * @param proportion its share of the database's total execution time, 0 to 1
   * @param ioTime time reading and writing shared blocks (zero unless track_io_timing is on)
   */
  public record StatementStats(String query, long calls, Duration totalTime, Duration meanTime,
      long rows, double proportion, Duration ioTime) {}

  /** The result of {@link #outliers(int)} and {@link #calls(int)}: statistics, or why none. */
  public sealed interface Statements {
    /**
     * {@code pg_stat_statements} answered.
     *
     * @param statements the statements in the order asked for
     */
    record Available(List<StatementStats> statements) implements Statements {
      /**
       * Copies the list.
       *
       * @param statements the statements in the order asked for; copied
       */
      public Available {
        statements = List.copyOf(statements);
      }
    }

    /**
     * {@code pg_stat_statements} cannot be read; {@code reason} says why and how to fix it.
     *
     * @param reason why, and the SQL or setting that fixes it
     */
    record Unavailable(String reason) implements Statements {}
  }

  /**
   * Sequential scans of one table, as {@code pg:seq-scans}.
   *
   * @param schema the table's schema
   * @param table the table name
   * @param seqScans sequential scans since the statistics were last reset
   */
  public record SeqScans(String schema, String table, long seqScans) {}

  /**
   * Dead tuples of a table against its autovacuum threshold, as {@code pg:vacuum-stats}.
   *
   * @param schema the table's schema
   * @param table the table name
   * @param lastVacuum the last manual VACUUM, if any
   * @param lastAutovacuum the last autovacuum, if any
   * @param estimatedRows {@code pg_class.reltuples} (0 before the first VACUUM or ANALYZE)
   * @param deadTuples dead tuples counted by the statistics
   * @param autovacuumThreshold {@code autovacuum_vacuum_threshold + autovacuum_vacuum_scale_factor
   *     × estimatedRows}, each taken from the table's reloptions when set there
   * @param autovacuumEnabled false when the table's reloptions or the server turn it off
   */
  public record VacuumStats(String schema, String table, Optional<Instant> lastVacuum,
      Optional<Instant> lastAutovacuum, long estimatedRows, long deadTuples,
      long autovacuumThreshold, boolean autovacuumEnabled) {
    /**
     * Whether dead tuples exceed the threshold, so autovacuum should process the table.
     *
     * @return true if {@code deadTuples > autovacuumThreshold}
     */
    public boolean expectAutovacuum() {
      return deadTuples > autovacuumThreshold;
    }
  }

  /**
   * An index scanned fewer times than asked, as {@code pg:unused-indexes}. Unique indexes and
   * those of primary keys are never listed: they enforce constraints.
   *
   * @param schema the index's schema
   * @param table the table it indexes
   * @param index the index name
   * @param sizeBytes its size on disk
   * @param scans index scans since the statistics were last reset
   */
  public record UnusedIndex(String schema, String table, String index, long sizeBytes,
      long scans) {}

  /**
   * Sizes of a table, as {@code pg:table-size}, {@code pg:index-size}, {@code
   * pg:total-table-size}.
   *
   * @param schema the table's schema
   * @param table the table or materialized view name
   * @param tableBytes the heap, with TOAST
   * @param indexBytes all its indexes
   */
  public record TableSize(String schema, String table, long tableBytes, long indexBytes) {
    /**
     * Table and indexes.
     *
     * @return {@code tableBytes + indexBytes}
     */
    public long totalBytes() {
      return tableBytes + indexBytes;
    }
  }

  /**
   * Size of one index, as {@code pg:index-size}.
   *
   * @param schema the index's schema
   * @param table the table it indexes
   * @param index the index name
   * @param sizeBytes its size on disk
   */
  public record IndexSize(String schema, String table, String index, long sizeBytes) {}

  /**
   * Estimated live rows of a table, as {@code pg:records-rank}.
   *
   * @param schema the table's schema
   * @param table the table name
   * @param estimatedRows live rows as the statistics count them ({@code n_live_tup})
   */
  public record RecordsRank(String schema, String table, long estimatedRows) {}

  /**
   * How much of a sequence is used.
   *
   * @param schema the sequence's schema
   * @param sequence the sequence name
   * @param lastValue the last value it handed out
   * @param maxValue the largest value it can hand out
   * @param usedRatio values handed out / values it can hand out, 0 to 1
   */
  public record SequenceUsage(String schema, String sequence, long lastValue, long maxValue,
      double usedRatio) {}

  /**
   * Table and index cache hit ratios, as {@code pg:cache-hit}; see {@link HitRatios}.
   *
   * @return the table cache, index cache and index usage ratios; each empty until there is
   *     something to count
   * @throws SQLException if the database cannot be reached or the query fails
   */
  public HitRatios cacheHit() throws SQLException {
    return diagnostics.hitRatios();
  }

  /**
   * Index use per table, tables with the most rows first.
   *
   * @return one entry per user table; empty if there are none
   * @throws SQLException if the database cannot be reached or the query fails
   */
  public List<IndexUsage> indexUsage() throws SQLException {
    return list("SELECT schemaname, relname,"
        + " idx_scan::float8 / nullif(idx_scan + seq_scan, 0), n_live_tup"
        + " FROM pg_stat_user_tables ORDER BY n_live_tup DESC, schemaname, relname",
        rows -> new IndexUsage(rows.getString(1), rows.getString(2),
            PostgresDiagnostics.optionalDouble(rows, 3), rows.getLong(4)));
  }

  /**
   * Estimated bloat of tables and btree indexes in user schemas, most wasted bytes first.
   *
   * @return one entry per non-empty table or materialized view with statistics and per non-empty
   *     btree index; empty if there are none
   * @throws SQLException if the database cannot be reached or the query fails
   */
  public List<Bloat> bloat() throws SQLException {
    return list(BLOAT_SQL, rows -> {
      double actual = rows.getDouble(5);
      double expected = Math.max(1, rows.getDouble(6));
      long blockSize = rows.getLong(7);
      return new Bloat(rows.getString(1), rows.getString(2), rows.getString(3),
          Optional.ofNullable(rows.getString(4)), actual / expected,
          (long) Math.max(0, actual - expected) * blockSize);
    });
  }

  private static final String BLOAT_SQL = "WITH widths AS ("
      + " SELECT schemaname, tablename, sum((1 - null_frac) * avg_width) AS data_width,"
      + "  bool_or(null_frac > 0) AS has_nulls, count(*) AS columns"
      + " FROM pg_stats WHERE NOT inherited GROUP BY schemaname, tablename),"
      + " block AS (SELECT current_setting('block_size')::int AS size),"
      + " estimates AS ("
      // heap tuple: 24-byte header (+ null bitmap), data, 4-byte line pointer; 24-byte page header
      + " SELECT 'table' AS kind, n.nspname, c.relname AS tbl, NULL::text AS idx,"
      + "  c.relpages::float8 AS pages,"
      + "  ceil(greatest(c.reltuples, 0) * (24 + CASE WHEN w.has_nulls THEN ceil(w.columns / 8.0)"
      + "   ELSE 0 END + w.data_width + 4) / ((b.size - 24) * coalesce((SELECT option_value::int"
      + "   FROM pg_options_to_table(c.reloptions) WHERE option_name = 'fillfactor'), 100)"
      + "   / 100.0)) AS expected,"
      + "  b.size"
      + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
      + " JOIN widths w ON w.schemaname = n.nspname AND w.tablename = c.relname"
      + " CROSS JOIN block b"
      + " WHERE c.relkind IN ('r', 'm') AND c.relpages > 0"
      + " UNION ALL"
      // btree tuple: 8-byte header, key data, 4-byte line pointer; 90% leaf fill, one metapage
      + " SELECT 'index', n.nspname, t.relname, i.relname, i.relpages::float8,"
      + "  1 + ceil(greatest(i.reltuples, 0) * (8 + coalesce(k.width, 8) + 4)"
      + "   / ((b.size - 24 - 16) * 0.9)),"
      + "  b.size"
      + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
      + " JOIN pg_class t ON t.oid = x.indrelid"
      + " JOIN pg_namespace n ON n.oid = i.relnamespace"
      + " JOIN pg_am am ON am.oid = i.relam AND am.amname = 'btree'"
      + " CROSS JOIN block b"
      + " LEFT JOIN LATERAL (SELECT sum(s.avg_width) AS width"
      + "  FROM unnest(x.indkey::int2[]) AS key(attnum)"
      + "  JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = key.attnum"
      + "  JOIN pg_stats s ON s.schemaname = n.nspname AND s.tablename = t.relname"
      + "   AND s.attname = a.attname AND NOT s.inherited) k ON true"
      + " WHERE i.relpages > 0)"
      + " SELECT kind, nspname, tbl, idx, pages, expected, size FROM estimates"
      + " WHERE nspname" + USER_SCHEMAS + " AND nspname NOT LIKE 'pg_toast%'"
      + " ORDER BY greatest(pages - expected, 0) * size DESC, nspname, tbl, idx NULLS FIRST";

  /**
   * Statements waiting for a lock, with the holder; see {@link BlockingLock}.
   *
   * @return one entry per waiting backend and holder, longest waiting first; empty if none
   * @throws SQLException if the database cannot be reached or the query fails
   */
  public List<BlockingLock> blocking() throws SQLException {
    return diagnostics.blockingLocks();
  }

  /**
   * Relation locks of other backends in this database on user relations, except the {@code
   * AccessShareLock} every plain SELECT takes; waiting locks first.
   *
   * @return the locks, waiting ones first, then by how long their statement has run, longest
   *     first; empty if none
   * @throws SQLException if the database cannot be reached or the query fails
   */
  public List<Lock> locks() throws SQLException {
    return list("SELECT l.pid, n.nspname, c.relname, l.mode, l.granted,"
        + " coalesce((extract(epoch FROM now() - a.query_start) * 1000)::bigint, 0), a.query"
        + " FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " JOIN pg_stat_activity a ON a.pid = l.pid"
        + " WHERE l.locktype = 'relation' AND l.mode <> 'AccessShareLock'"
        + " AND l.pid <> pg_backend_pid()"
        + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
        + " AND n.nspname" + USER_SCHEMAS + " AND n.nspname NOT LIKE 'pg_toast%'"
        + " ORDER BY l.granted, a.query_start, l.pid, c.relname",
        rows -> new Lock(rows.getInt(1), rows.getString(2), rows.getString(3),
            rows.getString(4), rows.getBoolean(5), Duration.ofMillis(rows.getLong(6)),
            rows.getString(7)));
  }

  /**
   * Statements running longer than 5 minutes, as {@code pg:long-running-queries}.
   *
   * @return the statements of other non-idle client backends, in any database of the server,
   *     longest first; empty if none
   * @throws SQLException if the database cannot be reached or the query fails
   */
  public List<LongRunningQuery> longRunningQueries() throws SQLException {
    return diagnostics.longRunningQueries(Duration.ofMinutes(5));
  }

  /**
   * Statements running longer than {@code threshold}; see {@link LongRunningQuery}.
   *
   * @param threshold how long a statement must have been running to be listed
   * @return the statements of other non-idle client backends, in any database of the server,
   *     longest first; empty if none
   * @throws SQLException if the database cannot be reached or the query fails
   */
  public List<LongRunningQuery> longRunningQueries(Duration threshold) throws SQLException {
    return diagnostics.longRunningQueries(threshold);
  }

  /**
   * Backends of this database idle in a transaction for longer than {@code threshold}, longest
   * first; {@link LongRunningQuery#duration()} is the time since they became idle.
   *
   * @param threshold how long a backend must have been idle in its transaction to be listed,
   *     not negative
   * @return the idle backends, longest idle first; empty if none
   * @throws IllegalArgumentException if {@code threshold} is negative
   * @throws SQLException if the database cannot be reached or the query fails
   */
  public List<LongRunningQuery> idleInTransaction(Duration threshold) throws SQLException {
    return list("SELECT pid, (extract(epoch FROM now() - state_change) * 1000)::bigint, state,"
        + " query FROM pg_stat_activity"
        + " WHERE state LIKE 'idle in transaction%' AND pid <> pg_backend_pid()"
        + " AND datname = current_database()"
        + " AND now() - state_change >= make_interval(secs => " + seconds(threshold) + ")"
        + " ORDER BY state_change",
        rows -> new LongRunningQuery(rows.getInt(1), Duration.ofMillis(rows.getLong(2)),
            rows.getString(3), rows.getString(4)));
  }

  /**
   * The {@code limit} statements with the most total execution time, as {@code pg:outliers}.
   *
   * @param limit the most statements to return, at least 1
   * @return {@link Statements.Available} with up to {@code limit} statements, or
   *     {@link Statements.Unavailable} if the extension is not installed or not preloaded
   * @throws IllegalArgumentException if {@code limit} is below 1
   * @throws SQLException if the database cannot be reached or the query fails
   */
  public Statements outliers(int limit) throws SQLException {
    return statements(StatStatements.Order.TOTAL_TIME, limit);
  }

  /**
   * The {@code limit} statements run most often, as {@code pg:calls}.
   *
   * @param limit the most statements to return, at least 1
   * @return {@link Statements.Available} with up to {@code limit} statements, or
   *     {@link Statements.Unavailable} if the extension is not installed or not preloaded
   * @throws IllegalArgumentException if {@code limit} is below 1
   * @throws SQLException if the database cannot be reached or the query fails
   */
  public Statements calls(int limit) throws SQLException {
    return statements(StatStatements.Order.CALLS, limit);
  }

  private Statements statements(StatStatements.Order order, int limit) throws SQLException {
    if (limit < 1) throw new IllegalArgumentException("limit is " + limit + "; it must be >= 1");
    try (Connection connection = dataSource.getConnection()) {
      StatStatements.Result result = StatStatements.read(connection, order, limit);
      if (result.rows() == null) {
      return new Statements.Unavailable(Objects.requireNonNull(result.unavailableReason()));
    }
      List<StatementStats> stats = new ArrayList<>();
      for (StatStatements.Row row : result.rows()) {
        stats.add(new StatementStats(row.query(), row.calls(),
            PostgresDiagnostics.millis(row.totalMillis()),
            PostgresDiagnostics.millis(row.meanMillis()), row.rows(), row.proportion(),
            PostgresDiagnostics.millis(row.ioMillis())));
      }
      return new Statements.Available(stats);
    }
  }

  /**
   * Sequential scans per table, most first.
   *
   * @return one entry per user table; empty if there are none
   * @throws SQLException if the database cannot be reached or the query fails
   */
  public List<SeqScans> seqScans() throws SQLException {
    return list("SELECT schemaname, relname, seq_scan FROM pg_stat_user_tables"
        + " ORDER BY seq_scan DESC, schemaname, relname",
        rows -> new SeqScans(rows.getString(1), rows.getString(2), rows.getLong(3)));
  }

  /**
   * Dead tuples against the autovacuum threshold per table, most dead tuples first.
   *
   * @return one entry per user table; empty if there are none
   * @throws SQLException if the database cannot be reached or the query fails
   */
  public List<VacuumStats> vacuumStats() throws SQLException {
    return list("SELECT s.schemaname, s.relname, s.last_vacuum, s.last_autovacuum,"
        + " greatest(c.reltuples, 0)::bigint, s.n_dead_tup,"
        + " (coalesce(" + reloption("autovacuum_vacuum_threshold") + ","
        + "   current_setting('autovacuum_vacuum_threshold'))::float8"
        + "  + coalesce(" + reloption("autovacuum_vacuum_scale_factor") + ","
        + "   current_setting('autovacuum_vacuum_scale_factor'))::float8"
        + "  * greatest(c.reltuples, 0))::bigint,"
        + " current_setting('autovacuum')::bool"
        + "  AND coalesce(" + reloption("autovacuum_enabled") + ", 'on')::bool"
        + " FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid"
        + " ORDER BY s.n_dead_tup DESC, s.schemaname, s.relname",
        rows -> new VacuumStats(rows.getString(1), rows.getString(2), instant(rows, 3),
            instant(rows, 4), rows.getLong(5), rows.getLong(6), rows.getLong(7),
            rows.getBoolean(8)));
  }

  /**
   * Indexes scanned fewer than 50 times, as {@code pg:unused-indexes}; largest first.
   *
   * @return the indexes; empty if none
   * @throws SQLException if the database cannot be reached or the query fails
   */
  public List<UnusedIndex> unusedIndexes() throws SQLException {
    return unusedIndexes(50);
  }

  /**
   * Non-unique indexes scanned fewer than {@code minScans} times, largest first.
   *
   * @param minScans the scans from which an index counts as used
   * @return the indexes; empty if none
   * @throws SQLException if the database cannot be reached or the query fails
   */
  public List<UnusedIndex> unusedIndexes(long minScans) throws SQLException {
    return list("SELECT s.schemaname, s.relname, s.indexrelname,"
        + " pg_relation_size(s.indexrelid), s.idx_scan"
        + " FROM pg_stat_user_indexes s JOIN pg_index x ON x.indexrelid = s.indexrelid"
        + " WHERE NOT x.indisunique AND s.idx_scan < " + minScans
        + " ORDER BY pg_relation_size(s.indexrelid) DESC, s.schemaname, s.indexrelname",
        rows -> new UnusedIndex(rows.getString(1), rows.getString(2), rows.getString(3),
            rows.getLong(4), rows.getLong(5)));
  }

  /**
   * Table and index sizes of tables and materialized views in user schemas, largest first.
   *
   * @return one entry per table or materialized view, largest in total first; empty if none
   * @throws SQLException if the database cannot be reached or the query fails
   */
  public List<TableSize> tableSizes() throws SQLException {
    return list("SELECT n.nspname, c.relname, pg_table_size(c.oid), pg_indexes_size(c.oid)"
        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE c.relkind IN ('r', 'm') AND n.nspname" + USER_SCHEMAS
        + " AND n.nspname NOT LIKE 'pg_toast%'"
        + " ORDER BY pg_total_relation_size(c.oid) DESC, n.nspname, c.relname",
        rows -> new TableSize(rows.getString(1), rows.getString(2), rows.getLong(3),
            rows.getLong(4)));
  }

  /**
   * Index sizes in user schemas, largest first.
   *
   * @return one entry per index of a user table; empty if there are none
   * @throws SQLException if the database cannot be reached or the query fails
   */
  public List<IndexSize> indexSizes() throws SQLException {
    return list("SELECT schemaname, relname, indexrelname, pg_relation_size(indexrelid)"
        + " FROM pg_stat_user_indexes"
        + " ORDER BY pg_relation_size(indexrelid) DESC, schemaname, indexrelname",
        rows -> new IndexSize(rows.getString(1), rows.getString(2), rows.getString(3),
            rows.getLong(4)));
  }

  /**
   * Estimated live rows per table, most first.
   *
   * @return one entry per user table; empty if there are none
   * @throws SQLException if the database cannot be reached or the query fails
   */
  public List<RecordsRank> recordsRank() throws SQLException {
    return list("SELECT schemaname, relname, n_live_tup FROM pg_stat_user_tables"
        + " ORDER BY n_live_tup DESC, schemaname, relname",
        rows -> new RecordsRank(rows.getString(1), rows.getString(2), rows.getLong(3)));
  }

  /**
   * Sequences that have handed out values, most used first.
   *
   * @return the sequences with a last value; empty if none
   * @throws SQLException if the database cannot be reached or the query fails
   */
  public List<SequenceUsage> sequences() throws SQLException {
    return list("SELECT schemaname, sequencename, last_value, max_value,"
        + " (CASE WHEN increment_by > 0"
        + "  THEN (last_value::numeric - min_value) ELSE (max_value::numeric - last_value) END"
        + "  / nullif(max_value::numeric - min_value, 0))::float8"
        + " FROM pg_sequences WHERE last_value IS NOT NULL"
        + " ORDER BY 5 DESC NULLS LAST, schemaname, sequencename",
        rows -> new SequenceUsage(rows.getString(1), rows.getString(2), rows.getLong(3),
            rows.getLong(4), rows.getDouble(5)));
  }

  /**
   * Runs {@link #diagnose(DiagnoseThresholds)} with {@link DiagnoseThresholds#defaults()}.
   *
   * @return one check per concern, in a fixed order from "connections" to "schema-count"
   * @throws SQLException if the database cannot be reached or a query fails
   */
  public Diagnosis diagnose() throws SQLException {
    return diagnose(DiagnoseThresholds.defaults());
  }

  /**
   * Runs every check of {@code pg:diagnose} against {@code thresholds}.
   *
   * @param thresholds the limits the checks are coloured by
   * @return one check per concern, in a fixed order from "connections" to "schema-count"
   * @throws SQLException if the database cannot be reached or a query fails
   */
  public Diagnosis diagnose(DiagnoseThresholds thresholds) throws SQLException {
    Objects.requireNonNull(thresholds, "thresholds == null");
    return new DiagnoseChecks(this, diagnostics, thresholds).run();
  }

  long singleLong(String sql) throws SQLException {
    return list(sql, rows -> rows.getLong(1)).get(0);
  }

  List<String> strings(String sql) throws SQLException {
    return list(sql, rows -> rows.getString(1));
  }

  /** Maps one row. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet rows) throws SQLException;
  }

  <T> List<T> list(String sql, RowMapper<T> mapper) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) result.add(mapper.map(rows));
      return List.copyOf(result);
    }
  }

  private static String reloption(String name) {
    return "(SELECT option_value FROM pg_options_to_table(c.reloptions) WHERE option_name = '"
        + name + "')";
  }

  static String seconds(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration is " + duration + "; it must be >= 0");
    }
    return Double.toString(duration.toNanos() / 1e9);
  }

  private static Optional<Instant> instant(ResultSet rows, int column) throws SQLException {
    Timestamp value = rows.getTimestamp(column);
    return value == null ? Optional.empty() : Optional.of(value.toInstant());
  }

  @Override
  public String toString() {
    return "PgExtras[" + dataSource + "]";
  }
}
