package io.herokusdk.postgres.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code pg_stat_statements} for the current database, whatever its version calls the
 * columns: {@code total_exec_time}/{@code mean_exec_time} from PG 13 ({@code total_time}/{@code
 * mean_time} before), {@code shared_blk_read_time} from PG 17 ({@code blk_read_time} before).
 * The one place the SDK's pg_stat_statements SQL lives.
 */
public final class StatStatements {
  private StatStatements() {}

  /** The sort order of {@link #read}. */
  public enum Order {
    /** Most total execution time first. */
    TOTAL_TIME,
    /** Most calls first. */
    CALLS
  }

  /**
   * One row, times in milliseconds.
   *
   * @param proportion this statement's share of the database's total execution time, 0 to 1
   * @param ioMillis time spent reading and writing shared blocks (0 unless track_io_timing)
   */
  public record Row(String query, long calls, double totalMillis, double meanMillis, long rows,
      double proportion, double ioMillis) {}

  /** Rows, or {@code null} rows and the reason they cannot be read. */
  public record Result(@Nullable List<Row> rows, @Nullable String unavailableReason) {}

  /** The column names a server's pg_stat_statements view has. */
  public record Columns(String totalTime, String meanTime, String ioTime) {}

  /** Picks the column expressions from the set of column names the view has. */
  public static Columns columns(Set<String> names) {
    String total = names.contains("total_exec_time") ? "total_exec_time" : "total_time";
    String mean = names.contains("mean_exec_time") ? "mean_exec_time" : "mean_time";
    String io;
    if (names.contains("shared_blk_read_time")) {
      io = "shared_blk_read_time + shared_blk_write_time";
    } else if (names.contains("blk_read_time")) {
      io = "blk_read_time + blk_write_time";
    } else {
      io = "0";
    }
    return new Columns(total, mean, io);
  }

  /** Reads up to {@code limit} statements of the current database in {@code order}. */
  public static Result read(Connection connection, Order order, int limit) throws SQLException {
    if (limit < 1) throw new IllegalArgumentException("limit is " + limit + "; it must be >= 1");
    String schema;
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT n.nspname FROM pg_extension e"
            + " JOIN pg_namespace n ON n.oid = e.extnamespace"
            + " WHERE e.extname = 'pg_stat_statements'")) {
      if (!row.next()) {
        return new Result(null, "The pg_stat_statements extension is not "
            + "installed in this database; run `CREATE EXTENSION pg_stat_statements;` "
            + "(the server must also have it in shared_preload_libraries, as Heroku does).");
      }
      schema = row.getString(1);
    }
    String view = "\"" + schema.replace("\"", "\"\"") + "\".pg_stat_statements";
    Set<String> names = new HashSet<>();
    try (PreparedStatement statement = connection.prepareStatement("SELECT attname"
        + " FROM pg_attribute WHERE attrelid = to_regclass(?) AND attnum > 0"
        + " AND NOT attisdropped")) {
      statement.setString(1, view);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) names.add(rows.getString(1));
      }
    }
    Columns columns = columns(names);
    String sql = "SELECT query, calls, " + columns.totalTime() + ", " + columns.meanTime()
        + ", rows, coalesce(" + columns.totalTime() + " / nullif(sum(" + columns.totalTime()
        + ") OVER (), 0), 0), " + columns.ioTime()
        + " FROM " + view
        + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
        + " ORDER BY " + (order == Order.CALLS ? "calls" : columns.totalTime())
        + " DESC LIMIT ?";
    boolean autoCommit = connection.getAutoCommit();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setInt(1, limit);
      List<Row> result = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          result.add(new Row(rows.getString(1), rows.getLong(2), rows.getDouble(3),
              rows.getDouble(4), rows.getLong(5), rows.getDouble(6), rows.getDouble(7)));
        }
      }
      return new Result(List.copyOf(result), null);
    } catch (SQLException e) {
      // 55000: installed in the database but not preloaded by the server.
      if ("55000".equals(e.getSQLState())) {
        if (!autoCommit) connection.rollback();
        return new Result(null, "pg_stat_statements is installed but the server "
            + "does not load it: add pg_stat_statements to shared_preload_libraries and "
            + "restart.");
      }
      throw e;
    }
  }
}
