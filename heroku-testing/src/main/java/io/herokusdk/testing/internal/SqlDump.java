package io.herokusdk.testing.internal;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A plain-SQL dump of a database's {@code public} schema, as {@code pg_dump --format=plain
 * --schema=public} would write it for the objects the fake needs: sequences (with their current
 * value), tables (column types, defaults, NOT NULL, identity and generated columns), their rows
 * as {@code COPY ... FROM stdin} blocks, primary key, unique, check, exclusion and foreign key
 * constraints, and other indexes. Views, functions, types and extensions are not dumped.
 *
 * <p>The script is psql-compatible ({@code psql -f dump.sql} loads it); {@link #restore} loads it
 * over JDBC. Both run as the database's owner role: no superuser needed.
 */
public final class SqlDump {
  private SqlDump() {}

  /** Dumps the {@code public} schema of {@code connection}'s database as UTF-8 SQL text. */
  public static byte[] dump(Connection connection) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement st = connection.createStatement()) {
      // One snapshot for the whole dump; names come out schema-qualified, as pg_dump's do.
      st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      st.execute("SELECT pg_catalog.set_config('search_path', '', true)");
      StringBuilder sql = new StringBuilder();
      sql.append("--\n-- Dump of schema public by heroku-testing's fake Data API\n--\n\n")
          .append("SET statement_timeout = 0;\n")
          .append("SET client_encoding = 'UTF8';\n")
          .append("SET standard_conforming_strings = on;\n")
          .append("SELECT pg_catalog.set_config('search_path', '', false);\n\n");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      List<String> sequenceValues = new ArrayList<>();
      dumpSequences(connection, sql, sequenceValues);
      List<long[]> tables = new ArrayList<>();
      List<String> tableNames = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("SELECT c.oid, c.relname FROM pg_catalog.pg_class c"
          + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname")) {
        while (rs.next()) {
          tables.add(new long[] {rs.getLong(1)});
          tableNames.add(rs.getString(2));
        }
      }
      flush(sql, out);
      for (int i = 0; i < tables.size(); i++) {
        dumpTable(connection, tables.get(i)[0], tableNames.get(i), out);
      }
      for (String value : sequenceValues) sql.append(value);
      sql.append('\n');
      for (int i = 0; i < tables.size(); i++) {
        dumpConstraints(connection, tables.get(i)[0], tableNames.get(i), false, sql);
      }
      for (int i = 0; i < tables.size(); i++) {
        dumpIndexes(connection, tables.get(i)[0], sql);
      }
      for (int i = 0; i < tables.size(); i++) {
        dumpConstraints(connection, tables.get(i)[0], tableNames.get(i), true, sql);
      }
      sql.append("\n--\n-- Dump complete\n--\n");
      flush(sql, out);
      connection.commit();
      return out.toByteArray();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /**
   * Drops every table, view and sequence of the {@code public} schema that the connected role
   * owns, then runs {@code script} (a {@link #dump}); one transaction, failing after 10 s
   * waiting for a lock another session holds.
   */
  public static void restore(Connection connection, byte[] script) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    try (Statement st = connection.createStatement()) {
      // A follower's database is read-only for new sessions; the fake itself must write.
      st.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE");
      // A client's open transaction on the target must fail the restore, not hang the fake.
      st.execute("SET lock_timeout = '10s'");
    }
    connection.setAutoCommit(false);
    try {
      clear(connection);
      run(connection, script);
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static void clear(Connection connection) throws SQLException {
    List<String> drops = new ArrayList<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT c.relkind, quote_ident(c.relname)"
            + " FROM pg_catalog.pg_class c"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')"
            + " AND pg_catalog.pg_has_role(c.relowner, 'USAGE')"
            + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid ="
            + " 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('e', 'i',"
            + " 'a'))")) {
      while (rs.next()) {
        String kind = switch (rs.getString(1)) {
          case "v" -> "VIEW";
          case "m" -> "MATERIALIZED VIEW";
          case "S" -> "SEQUENCE";
          default -> "TABLE";
        };
        drops.add("DROP " + kind + " IF EXISTS public." + rs.getString(2) + " CASCADE");
      }
    }
    try (Statement st = connection.createStatement()) {
      for (String drop : drops) st.execute(drop);
    }
  }

  /** Runs a psql-style script: statements end with {@code ;} at a line's end; COPY blocks. */
  private static void run(Connection connection, byte[] script) throws SQLException {
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(
            new java.io.ByteArrayInputStream(script), StandardCharsets.UTF_8));
        Statement st = connection.createStatement()) {
      StringBuilder statement = new StringBuilder();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (statement.isEmpty() && (line.isBlank() || line.startsWith("--"))) continue;
        statement.append(line).append('\n');
        if (!line.endsWith(";")) continue;
        String sql = statement.toString().trim();
        statement.setLength(0);
        if (sql.startsWith("COPY ") && sql.endsWith("FROM stdin;")) {
          StringBuilder data = new StringBuilder();
          for (String row = lines.readLine(); row != null && !row.equals("\\."); row = lines.readLine()) {
            data.append(row).append('\n');
          }
          copy.copyIn(sql.substring(0, sql.length() - 1), new StringReader(data.toString()));
        } else {
          st.execute(sql);
        }
      }
      if (!statement.toString().isBlank()) {
        throw new SQLException("dump ends inside a statement: " + firstLine(statement));
      }
    } catch (IOException e) {
      throw new SQLException("could not read the dump: " + e.getMessage(), e);
    }
  }

  private static String firstLine(CharSequence text) {
    String s = text.toString().trim();
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static void dumpSequences(Connection connection, StringBuilder sql,
      List<String> values) throws SQLException {
    // Identity columns' sequences ('i') come with their tables; serial ones ('a') are dumped
    // here and tied to their column after the tables exist.
    String query = "SELECT c.oid, c.relname, pg_catalog.format_type(s.seqtypid, NULL),"
        + " s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,"
        + " (SELECT quote_ident(t.relname) || '.' || quote_ident(a.attname)"
        + "  FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class t ON t.oid = d.refobjid"
        + "  JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid"
        + "  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid"
        + "  AND d.deptype = 'a' LIMIT 1)"
        + " FROM pg_catalog.pg_sequence s JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid"
        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d"
        + "  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid"
        + "  AND d.deptype IN ('i', 'e'))"
        + " ORDER BY c.relname";
    List<String> owners = new ArrayList<>();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(query)) {
      while (rs.next()) {
        String name = "public." + quote(rs.getString(2));
        sql.append("CREATE SEQUENCE ").append(name).append(" AS ").append(rs.getString(3))
            .append(" START WITH ").append(rs.getLong(4))
            .append(" INCREMENT BY ").append(rs.getLong(5))
            .append(" MINVALUE ").append(rs.getLong(6))
            .append(" MAXVALUE ").append(rs.getLong(7))
            .append(" CACHE ").append(rs.getLong(8))
            .append(rs.getBoolean(9) ? " CYCLE" : " NO CYCLE").append(";\n");
        values.add(setval(connection, name));
        if (rs.getString(10) != null) {
          owners.add("ALTER SEQUENCE " + name + " OWNED BY public." + rs.getString(10) + ";\n");
        }
      }
    }
    sql.append('\n');
    // OWNED BY needs the table: emitted with the values, after the data.
    values.addAll(owners);
  }

  private static String setval(Connection connection, String sequence) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT last_value, is_called FROM " + sequence)) {
      rs.next();
      return "SELECT pg_catalog.setval('" + sequence.replace("'", "''") + "', " + rs.getLong(1)
          + ", " + rs.getBoolean(2) + ");\n";
    }
  }

  private static void dumpTable(Connection connection, long oid, String table,
      ByteArrayOutputStream out) throws SQLException {
    StringBuilder sql = new StringBuilder();
    String name = "public." + quote(table);
    List<String> columns = new ArrayList<>();
    List<String> copied = new ArrayList<>();
    List<String> identities = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement("SELECT a.attname,"
        + " pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,"
        + " pg_catalog.pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,"
        + " pg_catalog.pg_get_serial_sequence(" + literal(name) + ", a.attname)"
        + " FROM pg_catalog.pg_attribute a LEFT JOIN pg_catalog.pg_attrdef d"
        + " ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
        + " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
      ps.setLong(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String column = quote(rs.getString(1));
          StringBuilder def = new StringBuilder("    ").append(column).append(' ')
              .append(rs.getString(2));
          String expr = rs.getString(4);
          String identity = rs.getString(5);
          boolean generated = "s".equals(rs.getString(6));
          if (generated) {
            def.append(" GENERATED ALWAYS AS (").append(expr).append(") STORED");
          } else if (identity != null && !identity.isEmpty()) {
            def.append(identity.equals("a") ? " GENERATED ALWAYS AS IDENTITY"
                : " GENERATED BY DEFAULT AS IDENTITY");
            identities.add(rs.getString(7));
          } else if (expr != null) {
            def.append(" DEFAULT ").append(expr);
          }
          if (rs.getBoolean(3)) def.append(" NOT NULL");
          columns.add(def.toString());
          if (!generated) copied.add(column);
        }
      }
    }
    sql.append("CREATE TABLE ").append(name).append(" (\n")
        .append(String.join(",\n", columns)).append("\n);\n\n");
    String copyColumns = name + " (" + String.join(", ", copied) + ")";
    sql.append("COPY ").append(copyColumns).append(" FROM stdin;\n");
    flush(sql, out);
    try {
      if (!copied.isEmpty()) {
        connection.unwrap(PGConnection.class).getCopyAPI()
            .copyOut("COPY " + copyColumns + " TO STDOUT", out);
      }
    } catch (IOException e) {
      throw new SQLException("could not copy " + name + ": " + e.getMessage(), e);
    }
    sql.append("\\.\n\n");
    for (String sequence : identities) {
      if (sequence != null) sql.append(setval(connection, sequence));
    }
    if (!identities.isEmpty()) sql.append('\n');
    flush(sql, out);
  }

  private static void dumpConstraints(Connection connection, long oid, String table,
      boolean foreignKeys, StringBuilder sql) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT conname,"
        + " pg_catalog.pg_get_constraintdef(oid) FROM pg_catalog.pg_constraint"
        + " WHERE conrelid = ? AND contype IN (" + (foreignKeys ? "'f'" : "'p', 'u', 'c', 'x'")
        + ") ORDER BY contype, conname")) {
      ps.setLong(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sql.append("ALTER TABLE ONLY public.").append(quote(table)).append(" ADD CONSTRAINT ")
              .append(quote(rs.getString(1))).append(' ').append(rs.getString(2)).append(";\n");
        }
      }
    }
  }

  private static void dumpIndexes(Connection connection, long oid, StringBuilder sql)
      throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT"
        + " pg_catalog.pg_get_indexdef(i.indexrelid) FROM pg_catalog.pg_index i"
        + " WHERE i.indrelid = ? AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c"
        + " WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)"
        + " ORDER BY i.indexrelid")) {
      ps.setLong(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) sql.append(rs.getString(1)).append(";\n");
      }
    }
  }

  private static void flush(StringBuilder sql, ByteArrayOutputStream out) {
    out.writeBytes(sql.toString().getBytes(StandardCharsets.UTF_8));
    sql.setLength(0);
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
