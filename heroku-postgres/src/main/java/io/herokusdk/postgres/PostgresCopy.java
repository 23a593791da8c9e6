package io.herokusdk.postgres;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * CSV export and import with PostgreSQL's {@code COPY}, through pgjdbc's {@code CopyManager},
 * streamed: rows go between the stream and the server as they come, so memory stays constant
 * whatever the size. Each call borrows one connection from the DataSource and gives it back.
 * Works through Heroku's PgBouncer in transaction mode: each COPY is one statement in autocommit
 * (or, from a pool whose connections have autocommit off, one transaction committed here).
 *
 * <pre>{@code
 * PostgresCopy copy = postgres.copy();
 * long rows = copy.exportQuery("SELECT id, email FROM users WHERE active", Path.of("users.csv"));
 * copy.importCsv(CopyTable.of("users_archive"), Path.of("users.csv"));
 * }</pre>
 *
 * <p>Streams passed in are neither closed nor left half-written: exports flush them. Failures
 * PostgreSQL reports are {@link CopyFailedException}s naming the table or query (and the CSV line);
 * a connection failure is the DataSource's exception; a failing stream of the caller's is its
 * {@link IOException}. A failed import imports nothing. Thread-safe.
 */
public final class PostgresCopy {
  /** Bytes read from the source per message sent to the server. */
  static final int BUFFER_SIZE = 64 * 1024;
  private static final int QUERY_SHOWN = 120;
  private static final Pattern LINE = Pattern.compile("line (\\d+)(?:, column ([^:]+))?");

  private final DataSource dataSource;

  private PostgresCopy(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * COPY over {@code dataSource}, which must give PostgreSQL connections (pgjdbc, directly or
   * through a pool that unwraps to {@link PGConnection}, like HikariCP).
   *
   * @param dataSource where each call borrows its connection, such as
   *     {@link HerokuPostgres#dataSource()}
   * @return COPY over {@code dataSource}
   */
  public static PostgresCopy of(DataSource dataSource) {
    return new PostgresCopy(Objects.requireNonNull(dataSource, "dataSource == null"));
  }

  /**
   * Writes the rows of {@code query} (any SELECT, VALUES, or INSERT/UPDATE/DELETE ... RETURNING)
   * to {@code out} as CSV in UTF-8. The query is SQL you write: never build it from user input.
   *
   * @param query the query, without a trailing semicolon; it runs as {@code COPY (query) TO STDOUT}
   * @param out where the CSV goes; flushed, not closed
   * @param options how to write the CSV
   * @return the number of rows written, without the header
   * @throws SQLException a {@link CopyFailedException} if PostgreSQL rejects the query, or the
   *     DataSource's exception if it cannot connect
   * @throws IOException if writing to {@code out} fails
   */
  public long exportQuery(String query, OutputStream out, CsvOptions options)
      throws SQLException, IOException {
    Objects.requireNonNull(query, "query == null");
    return export("(" + query + ")", "query " + shorten(query), out, options);
  }

  /**
   * {@link #exportQuery(String, OutputStream, CsvOptions)} with {@link CsvOptions#defaults()}.
   *
   * @param query the query, without a trailing semicolon
   * @param out where the CSV goes; flushed, not closed
   * @return the number of rows written, without the header
   * @throws SQLException a {@link CopyFailedException} if PostgreSQL rejects the query, or the
   *     DataSource's exception if it cannot connect
   * @throws IOException if writing to {@code out} fails
   */
  public long exportQuery(String query, OutputStream out) throws SQLException, IOException {
    return exportQuery(query, out, CsvOptions.defaults());
  }

  /**
   * Like {@link #exportQuery(String, OutputStream, CsvOptions)}, to characters.
   *
   * @param query the query, without a trailing semicolon
   * @param out where the CSV goes; flushed, not closed
   * @param options how to write the CSV
   * @return the number of rows written, without the header
   * @throws SQLException a {@link CopyFailedException} if PostgreSQL rejects the query, or the
   *     DataSource's exception if it cannot connect
   * @throws IOException if writing to {@code out} fails
   */
  public long exportQuery(String query, Writer out, CsvOptions options)
      throws SQLException, IOException {
    Objects.requireNonNull(query, "query == null");
    return export("(" + query + ")", "query " + shorten(query), out, options);
  }

  /**
   * Like {@link #exportQuery(String, OutputStream, CsvOptions)}, to {@code file} (created or
   * replaced).
   *
   * @param query the query, without a trailing semicolon
   * @param file the CSV file to write, in UTF-8
   * @param options how to write the CSV
   * @return the number of rows written, without the header
   * @throws SQLException a {@link CopyFailedException} if PostgreSQL rejects the query, or the
   *     DataSource's exception if it cannot connect
   * @throws IOException if the file cannot be created or written
   */
  public long exportQuery(String query, Path file, CsvOptions options)
      throws SQLException, IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      return exportQuery(query, out, options);
    }
  }

  /**
   * {@link #exportQuery(String, Path, CsvOptions)} with {@link CsvOptions#defaults()}.
   *
   * @param query the query, without a trailing semicolon
   * @param file the CSV file to write, in UTF-8; created or replaced
   * @return the number of rows written, without the header
   * @throws SQLException a {@link CopyFailedException} if PostgreSQL rejects the query, or the
   *     DataSource's exception if it cannot connect
   * @throws IOException if the file cannot be created or written
   */
  public long exportQuery(String query, Path file) throws SQLException, IOException {
    return exportQuery(query, file, CsvOptions.defaults());
  }

  /**
   * Writes {@code table} (its chosen columns, or all) to {@code out} as CSV in UTF-8.
   *
   * @param table the table, and the columns to write in CSV order
   * @param out where the CSV goes; flushed, not closed
   * @param options how to write the CSV
   * @return the number of rows written, without the header
   * @throws SQLException a {@link CopyFailedException} if PostgreSQL rejects the export (such as
   *     a missing table or column), or the DataSource's exception if it cannot connect
   * @throws IOException if writing to {@code out} fails
   */
  public long exportTable(CopyTable table, OutputStream out, CsvOptions options)
      throws SQLException, IOException {
    return export(table.sqlTarget(), "table " + table, out, options);
  }

  /**
   * Like {@link #exportTable(CopyTable, OutputStream, CsvOptions)}, to {@code file}.
   *
   * @param table the table, and the columns to write in CSV order
   * @param file the CSV file to write, in UTF-8; created or replaced
   * @param options how to write the CSV
   * @return the number of rows written, without the header
   * @throws SQLException a {@link CopyFailedException} if PostgreSQL rejects the export (such as
   *     a missing table or column), or the DataSource's exception if it cannot connect
   * @throws IOException if the file cannot be created or written
   */
  public long exportTable(CopyTable table, Path file, CsvOptions options)
      throws SQLException, IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      return exportTable(table, out, options);
    }
  }

  /**
   * Reads CSV in UTF-8 from {@code in} into {@code table}, all rows or none.
   *
   * @param table the table, and the columns the CSV's fields go to, in order
   * @param in the CSV, read to its end; not closed
   * @param options how the CSV is written
   * @return the number of rows imported
   * @throws CopyFailedException if PostgreSQL rejects the CSV or a value, naming the line
   * @throws SQLException the DataSource's exception if it cannot connect
   * @throws IOException if reading {@code in} fails; nothing is imported
   */
  public long importCsv(CopyTable table, InputStream in, CsvOptions options)
      throws SQLException, IOException {
    Objects.requireNonNull(in, "in == null");
    String sql = "COPY " + table.sqlTarget() + " FROM STDIN" + with(options);
    return run("table " + table, true, copy -> copy.copyIn(sql, in, BUFFER_SIZE));
  }

  /**
   * {@link #importCsv(CopyTable, InputStream, CsvOptions)} with {@link CsvOptions#defaults()}.
   *
   * @param table the table, and the columns the CSV's fields go to, in order
   * @param in the CSV with a header line, read to its end; not closed
   * @return the number of rows imported
   * @throws CopyFailedException if PostgreSQL rejects the CSV or a value, naming the line
   * @throws SQLException the DataSource's exception if it cannot connect
   * @throws IOException if reading {@code in} fails; nothing is imported
   */
  public long importCsv(CopyTable table, InputStream in) throws SQLException, IOException {
    return importCsv(table, in, CsvOptions.defaults());
  }

  /**
   * Like {@link #importCsv(CopyTable, InputStream, CsvOptions)}, from characters.
   *
   * @param table the table, and the columns the CSV's fields go to, in order
   * @param in the CSV, read to its end; not closed
   * @param options how the CSV is written
   * @return the number of rows imported
   * @throws CopyFailedException if PostgreSQL rejects the CSV or a value, naming the line
   * @throws SQLException the DataSource's exception if it cannot connect
   * @throws IOException if reading {@code in} fails; nothing is imported
   */
  public long importCsv(CopyTable table, Reader in, CsvOptions options)
      throws SQLException, IOException {
    Objects.requireNonNull(in, "in == null");
    String sql = "COPY " + table.sqlTarget() + " FROM STDIN" + with(options);
    return run("table " + table, true, copy -> copy.copyIn(sql, in, BUFFER_SIZE));
  }

  /**
   * Like {@link #importCsv(CopyTable, InputStream, CsvOptions)}, from {@code file}.
   *
   * @param table the table, and the columns the CSV's fields go to, in order
   * @param file the CSV file to read, in UTF-8
   * @param options how the CSV is written
   * @return the number of rows imported
   * @throws CopyFailedException if PostgreSQL rejects the CSV or a value, naming the line
   * @throws SQLException the DataSource's exception if it cannot connect
   * @throws IOException if the file cannot be read; nothing is imported
   */
  public long importCsv(CopyTable table, Path file, CsvOptions options)
      throws SQLException, IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return importCsv(table, in, options);
    }
  }

  /**
   * {@link #importCsv(CopyTable, Path, CsvOptions)} with {@link CsvOptions#defaults()}.
   *
   * @param table the table, and the columns the CSV's fields go to, in order
   * @param file the CSV file to read, in UTF-8, with a header line
   * @return the number of rows imported
   * @throws CopyFailedException if PostgreSQL rejects the CSV or a value, naming the line
   * @throws SQLException the DataSource's exception if it cannot connect
   * @throws IOException if the file cannot be read; nothing is imported
   */
  public long importCsv(CopyTable table, Path file) throws SQLException, IOException {
    return importCsv(table, file, CsvOptions.defaults());
  }

  private long export(String source, String what, OutputStream out, CsvOptions options)
      throws SQLException, IOException {
    Objects.requireNonNull(out, "out == null");
    String sql = "COPY " + source + " TO STDOUT" + with(options);
    // pgjdbc writes each row separately: buffer, or every row is a write to the caller's stream
    BufferedOutputStream buffered = new BufferedOutputStream(nonClosing(out), BUFFER_SIZE);
    long rows = run(what, false, copy -> copy.copyOut(sql, buffered));
    buffered.flush();
    return rows;
  }

  private long export(String source, String what, Writer out, CsvOptions options)
      throws SQLException, IOException {
    Objects.requireNonNull(out, "out == null");
    String sql = "COPY " + source + " TO STDOUT" + with(options);
    long rows = run(what, false, copy -> copy.copyOut(sql, out));
    out.flush();
    return rows;
  }

  private static OutputStream nonClosing(OutputStream out) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }
    };
  }

  private interface CopyCall {
    long run(CopyManager copy) throws SQLException, IOException;
  }

  private long run(String what, boolean importing, CopyCall call)
      throws SQLException, IOException {
    try (Connection connection = dataSource.getConnection()) {
      // a pool handing out autocommit-off connections: the COPY is committed or rolled back here
      boolean ownTransaction = !connection.getAutoCommit();
      CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
      try {
        long rows = call.run(copy);
        if (ownTransaction) connection.commit();
        return rows;
      } catch (PSQLException e) {
        if (ownTransaction) rollbackQuietly(connection, e);
        throw failure(what, importing, e);
      } catch (SQLException | IOException | RuntimeException e) {
        if (ownTransaction) rollbackQuietly(connection, e);
        throw e;
      }
    }
  }

  private static void rollbackQuietly(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private static CopyFailedException failure(String what, boolean importing, PSQLException e) {
    ServerErrorMessage server = e.getServerErrorMessage();
    String reason = server != null && server.getMessage() != null ? server.getMessage()
        : e.getMessage();
    long line = 0;
    String column = null;
    if (server != null && server.getWhere() != null) {
      Matcher matcher = LINE.matcher(server.getWhere());
      if (matcher.find()) {
        line = Long.parseLong(matcher.group(1));
        column = matcher.group(2);
      }
    }
    StringBuilder message = new StringBuilder(importing ? "CSV import into " : "CSV export of ")
        .append(what).append(" failed");
    if (line > 0) {
      message.append(" at line ").append(line).append(" of the CSV");
      if (column != null) message.append(" (column ").append(column).append(')');
    }
    message.append(": ").append(reason);
    if (server != null && server.getDetail() != null) {
      message.append(" (").append(server.getDetail()).append(')');
    }
    if (server != null && server.getHint() != null) {
      message.append(". ").append(server.getHint());
    }
    if (importing) message.append(". Nothing was imported.");
    return new CopyFailedException(message.toString(), what, line, column, e.getSQLState(), e);
  }

  private static String with(CsvOptions options) {
    return " WITH (FORMAT csv, HEADER " + options.header()
        + ", DELIMITER " + literal(String.valueOf(options.delimiter()))
        + ", NULL " + literal(options.nullString())
        + ", QUOTE " + literal(String.valueOf(options.quote())) + ")";
  }

  /** An escape-string literal: the same meaning whatever standard_conforming_strings is. */
  private static String literal(String text) {
    return "E'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static String shorten(String query) {
    String oneLine = query.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= QUERY_SHOWN ? oneLine
        : oneLine.substring(0, QUERY_SHOWN - 3) + "...";
  }

  /** Names the DataSource if it is the SDK's (which hides credentials), else its type. */
  @Override
  public String toString() {
    return "PostgresCopy[" + (dataSource instanceof PostgresDataSource ? dataSource
        : dataSource.getClass().getName()) + "]";
  }
}
