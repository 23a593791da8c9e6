package io.herokusdk.examples.ops;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Exact row counts of every table in a database's {@code public} schema. */
final class RowCounts {
  private RowCounts() {}

  /**
   * Table name to {@code count(*)}, in name order.
   *
   * @param which names the database in an error ({@code source}, {@code scratch})
   */
  static Map<String, Long> of(DataSource db, String which) {
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables "
          + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
        while (rs.next()) tables.add(rs.getString(1));
      }
      Map<String, Long> counts = new LinkedHashMap<>();
      for (String table : tables) {
        try (ResultSet rs = st.executeQuery(
            "SELECT count(*) FROM public.\"" + table.replace("\"", "\"\"") + "\"")) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
      return counts;
    } catch (SQLException e) {
      throw new OpsJobException("Could not count the rows of the " + which + " database: "
          + e.getMessage(), e);
    }
  }
}
