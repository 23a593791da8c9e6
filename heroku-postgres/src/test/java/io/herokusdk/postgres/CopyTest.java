package io.herokusdk.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.herokusdk.testing.PostgresExtension;
import io.herokusdk.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** CSV export and import with COPY, through the SDK's pool, against a real embedded PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class CopyTest {

  private static void execute(TestDatabase db, String... statements) throws SQLException {
    try (Connection connection = db.jdbcConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) statement.execute(sql);
    }
  }

  private static long queryLong(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  private static long queryLong(TestDatabase db, String sql) throws SQLException {
    try (Connection connection = db.jdbcConnection()) {
      return queryLong(connection, sql);
    }
  }

  private static int activeConnections(HerokuPostgres postgres) throws SQLException {
    return postgres.dataSource().unwrap(HikariDataSource.class).getHikariPoolMXBean()
        .getActiveConnections();
  }

  private static final String TRICKY_ROWS = "INSERT INTO %s VALUES "
      + "(1, 'plain', 'x', 1.5), "
      + "(2, 'comma, inside', 'quote \" inside', 0), "
      + "(3, 'line one\nline two\r\nline three', '', -2.25), "
      + "(4, NULL, 'null name, empty note above', NULL), "
      + "(5, 'ünïcødé ✓ 日本語 🐘', '\"quoted\"', 3), "
      + "(6, '', NULL, 4), "
      + "(7, '\\N and \\ backslashes', ''' single quotes ''', 5)";

  @Test
  void roundTripKeepsCommasQuotesLineBreaksNullsAndUnicode(TestDatabase db, @TempDir Path dir)
      throws Exception {
    execute(db, "CREATE TABLE src (id int PRIMARY KEY, name text, note text, amount numeric)",
        TRICKY_ROWS.formatted("src"), "CREATE TABLE dst (LIKE src)",
        "CREATE TABLE dst2 (LIKE src)");
    try (HerokuPostgres postgres = HerokuPostgres.fromConfig(db.configVars())) {
      PostgresCopy copy = postgres.copy();
      ByteArrayOutputStream csv = new ByteArrayOutputStream();
      assertThat(copy.exportQuery("SELECT * FROM src ORDER BY id", csv)).isEqualTo(7);
      String text = csv.toString(StandardCharsets.UTF_8);
      assertThat(text).startsWith("id,name,note,amount\n1,plain,x,1.5\n")
          .contains("\"comma, inside\"", "ünïcødé ✓ 日本語 🐘")
          .contains("4,,\"null name, empty note above\",\n")  // NULL: empty and unquoted
          .contains("6,\"\",,4\n");                           // empty string: quoted

      long imported = copy.importCsv(CopyTable.of("dst"),
          new ByteArrayInputStream(csv.toByteArray()));
      assertThat(imported).isEqualTo(7);

      Path file = dir.resolve("src.csv");
      assertThat(copy.exportTable(CopyTable.of("src"), file, CsvOptions.defaults()))
          .isEqualTo(7);
      assertThat(copy.importCsv(CopyTable.of("dst2"), file)).isEqualTo(7);
      assertThat(activeConnections(postgres)).isZero();
    }
    for (String table : List.of("dst", "dst2")) {
      assertThat(queryLong(db, "SELECT count(*) FROM (SELECT * FROM src EXCEPT SELECT * FROM "
          + table + ") d")).as(table).isZero();
      assertThat(queryLong(db, "SELECT count(*) FROM " + table)).isEqualTo(7);
      assertThat(queryLong(db, "SELECT count(*) FROM " + table
          + " WHERE (id = 3 AND note = '') OR (id = 4 AND name IS NULL) "
          + "OR (id = 6 AND name = '' AND note IS NULL)"))
          .as("NULL and '' kept apart in " + table).isEqualTo(3);
    }
  }

  @Test
  void optionsChangeTheCsvBothWays(TestDatabase db) throws Exception {
    execute(db, "CREATE TABLE opt_src (id int, name text, note text, amount numeric)",
        TRICKY_ROWS.formatted("opt_src"), "CREATE TABLE opt_dst (LIKE opt_src)");
    CsvOptions options = CsvOptions.defaults().withHeader(false).withDelimiter(';')
        .withNullString("NULL").withQuote('\'');
    try (HerokuPostgres postgres = HerokuPostgres.fromConfig(db.configVars())) {
      StringWriter csv = new StringWriter();
      long rows = postgres.copy().exportQuery(
          "SELECT id, name, note FROM opt_src WHERE id IN (2, 4, 7) ORDER BY id", csv, options);
      assertThat(rows).isEqualTo(3);
      assertThat(csv.toString()).isEqualTo(
          "2;comma, inside;quote \" inside\n"
          + "4;NULL;null name, empty note above\n"
          + "7;\\N and \\ backslashes;''' single quotes '''\n");
      CopyTable target = CopyTable.of("opt_dst").columns("id", "name", "note");
      assertThat(postgres.copy().importCsv(target, new StringReader(csv.toString()), options))
          .isEqualTo(3);
    }
    assertThat(queryLong(db, "SELECT count(*) FROM (SELECT id, name, note FROM opt_src "
        + "WHERE id IN (2, 4, 7) EXCEPT SELECT id, name, note FROM opt_dst) d")).isZero();
    assertThat(queryLong(db, "SELECT count(*) FROM opt_dst WHERE amount IS NULL")).isEqualTo(3);
  }

  @Test
  void optionsAreCheckedBeforeAnythingRuns() {
    assertThatThrownBy(() -> CsvOptions.defaults().withDelimiter('"'))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ");
    assertThatThrownBy(() -> CsvOptions.defaults().withDelimiter('\n'))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delimiter");
    assertThatThrownBy(() -> CsvOptions.defaults().withQuote('é'))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("single-byte");
    assertThatThrownBy(() -> CsvOptions.defaults().withNullString("a\nb"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line break");
    assertThatThrownBy(() -> CopyTable.of(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table name");
  }

  @Test
  void namesAreQuotedSoTheyCannotInjectSql(TestDatabase db) throws Exception {
    String table = "odd \"name\"; DROP TABLE victims; --";
    String column = "Select\"); DROP TABLE victims; --";
    execute(db, "CREATE TABLE victims (id int)",
        "CREATE SCHEMA \"My Schema\"",
        "CREATE TABLE \"My Schema\"." + CopyTable.quote(table) + " (id int, "
            + CopyTable.quote(column) + " text)");
    CopyTable target = CopyTable.of("My Schema", table).columns(column, "id");
    try (HerokuPostgres postgres = HerokuPostgres.fromConfig(db.configVars())) {
      String csv = CopyTable.quote(column) + ",id\nhello,1\nworld,2\n";
      assertThat(postgres.copy().importCsv(target,
          new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))).isEqualTo(2);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThat(postgres.copy().exportTable(target, out, CsvOptions.defaults())).isEqualTo(2);
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(csv);
    }
    assertThat(queryLong(db, "SELECT count(*) FROM victims")).isZero(); // still there
  }

  @Test
  void badCsvFailsNamingTheTableAndLineAndImportsNothing(TestDatabase db) throws Exception {
    execute(db, "CREATE TABLE items (id int, name text)");
    String csv = "id,name\n1,one\n2,\"two\nlines\"\nthree,3\n4,four\n";
    try (HerokuPostgres postgres = HerokuPostgres.fromConfig(db.configVars())) {
      PostgresCopy copy = postgres.copy();
      assertThatThrownBy(() -> copy.importCsv(CopyTable.of("items"),
          new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
          .isInstanceOfSatisfying(CopyFailedException.class, e -> {
            assertThat(e.target()).isEqualTo("table items");
            // the file's 5th line: the quoted line break in record 3 counts
            assertThat(e.line()).hasValue(5);
            assertThat(e.column()).isEqualTo("id");
            assertThat(e.getSQLState()).isEqualTo("22P02");
            assertThat(e.getMessage())
                .contains("CSV import into table items failed at line 5 of the CSV (column id)")
                .contains("invalid input syntax for type integer")
                .contains("Nothing was imported")
                .doesNotContain(db.password().reveal());
          });
      assertThatThrownBy(() -> copy.importCsv(CopyTable.of("items"),
          new StringReader("id,name\n1,one,extra\n"), CsvOptions.defaults()))
          .isInstanceOfSatisfying(CopyFailedException.class, e ->
              assertThat(e.getMessage()).contains("at line 2", "extra data"));
      assertThatThrownBy(() -> copy.importCsv(CopyTable.of("missing_table"),
          new StringReader("id\n1\n"), CsvOptions.defaults()))
          .isInstanceOfSatisfying(CopyFailedException.class, e -> {
            assertThat(e.line()).isEmpty();
            assertThat(e.getMessage()).contains("missing_table", "does not exist");
          });
      assertThatThrownBy(() -> copy.exportQuery("SELECT nope FROM items", new StringWriter(),
          CsvOptions.defaults()))
          .isInstanceOfSatisfying(CopyFailedException.class, e ->
              assertThat(e.getMessage()).contains("CSV export of query SELECT nope FROM items",
                  "column \"nope\" does not exist"));
      assertThat(activeConnections(postgres)).isZero();
      // the connections that failed went back to the pool in a usable state
      assertThat(copy.importCsv(CopyTable.of("items"),
          new StringReader("id,name\n1,one\n"), CsvOptions.defaults())).isEqualTo(1);
    }
    assertThat(queryLong(db, "SELECT count(*) FROM items")).isEqualTo(1);
  }

  @Test
  void aFailingCallerStreamIsItsIOExceptionAndTheConnectionStaysUsable(TestDatabase db)
      throws Exception {
    execute(db, "CREATE TABLE stream_items (id int)");
    try (HerokuPostgres postgres = HerokuPostgres.fromConfig(db.configVars())) {
      InputStream broken = new InputStream() {
        private int sent;

        @Override
        public int read() throws IOException {
          if (sent++ < 20_000) return sent % 2 == 0 ? '\n' : '7';
          throw new IOException("disk gone");
        }
      };
      assertThatThrownBy(() -> postgres.copy().importCsv(CopyTable.of("stream_items"), broken,
          CsvOptions.defaults().withHeader(false)))
          .isInstanceOf(IOException.class).hasMessage("disk gone");
      assertThat(activeConnections(postgres)).isZero();
      assertThat(postgres.copy().importCsv(CopyTable.of("stream_items"),
          new StringReader("id\n1\n"), CsvOptions.defaults())).isEqualTo(1);
    }
    assertThat(queryLong(db, "SELECT count(*) FROM stream_items")).isEqualTo(1);
  }

  /** Counts bytes and samples the live heap every 8 MB; keeps nothing. */
  private static final class SamplingSink extends OutputStream {
    private final Runnable onFirstWrite;
    private final List<Long> liveHeap = new ArrayList<>();
    private long bytes;
    private long nextSample;

    SamplingSink(Runnable onFirstWrite) {
      this.onFirstWrite = onFirstWrite;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int length) {
      if (bytes == 0) onFirstWrite.run();
      bytes += length;
      if (bytes >= nextSample) {
        liveHeap.add(liveHeap());
        nextSample += 8L << 20;
      }
    }
  }

  private static long liveHeap() {
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static final int BIG_ROWS = 300_000;

  @Test
  void bigExportIsStreamedWhileTheServerIsStillSending(TestDatabase db) throws Exception {
    String query = "SELECT g, repeat('x', 200) FROM generate_series(1, " + BIG_ROWS + ") g";
    try (HerokuPostgres postgres = HerokuPostgres.fromConfig(db.configVars());
        Connection observer = db.jdbcConnection()) {
      long[] serverRowsAtFirstByte = {-1};
      SamplingSink sink = new SamplingSink(() -> {
        try {
          serverRowsAtFirstByte[0] = queryLong(observer,
              "SELECT coalesce(max(tuples_processed), -1) FROM pg_stat_progress_copy");
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      long before = liveHeap();
      assertThat(postgres.copy().exportQuery(query, sink)).isEqualTo(BIG_ROWS);
      long dataBytes = sink.bytes;
      assertThat(dataBytes).isGreaterThan(50L << 20);
      // the first bytes reached us while the server was still producing rows
      assertThat(serverRowsAtFirstByte[0]).isBetween(0L, BIG_ROWS - 1L);
      // nothing grew with the data: at every sample the live heap stayed far below its size
      assertThat(sink.liveHeap).hasSizeGreaterThan(5)
          .allSatisfy(live -> assertThat(live - before).isLessThan(dataBytes / 4));
    }
  }

  /** CSV rows made up on demand, never held: {@code rows} lines of an id and 200 bytes. */
  private static final class GeneratedCsv extends InputStream {
    private final int rows;
    private final Runnable atHalf;
    private int row;
    private byte[] line = new byte[0];
    private int position;

    GeneratedCsv(int rows, Runnable atHalf) {
      this.rows = rows;
      this.atHalf = atHalf;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (position == line.length) {
        if (row == rows) return -1;
        row++;
        if (row == rows / 2) atHalf.run();
        line = (row + "," + "y".repeat(200) + "\n").getBytes(StandardCharsets.US_ASCII);
        position = 0;
      }
      int n = Math.min(length, line.length - position);
      System.arraycopy(line, position, buffer, offset, n);
      position += n;
      return n;
    }
  }

  @Test
  void bigImportIsStreamedWhileTheSourceIsStillBeingRead(TestDatabase db) throws Exception {
    execute(db, "CREATE TABLE big (id int, filler text)");
    try (HerokuPostgres postgres = HerokuPostgres.fromConfig(db.configVars());
        Connection observer = db.jdbcConnection()) {
      long[] serverRowsAtHalf = {-1};
      GeneratedCsv source = new GeneratedCsv(BIG_ROWS, () -> {
        try {
          serverRowsAtHalf[0] = queryLong(observer,
              "SELECT coalesce(max(tuples_processed), -1) FROM pg_stat_progress_copy");
        } catch (SQLException e) {
          throw new UncheckedIOException(new IOException(e));
        }
      });
      assertThat(postgres.copy().importCsv(CopyTable.of("big"), source,
          CsvOptions.defaults().withHeader(false))).isEqualTo(BIG_ROWS);
      // half-way through reading the source the server had already stored rows
      assertThat(serverRowsAtHalf[0]).isGreaterThan(0L);
    }
    assertThat(queryLong(db, "SELECT count(*) FROM big")).isEqualTo(BIG_ROWS);
    assertThat(queryLong(db, "SELECT sum(id) FROM big"))
        .isEqualTo((long) BIG_ROWS * (BIG_ROWS + 1) / 2);
  }

  @Test
  void aPoolWithAutocommitOffGetsTheImportCommittedOrRolledBack(TestDatabase db)
      throws Exception {
    execute(db, "CREATE TABLE manual (id int)");
    try (HerokuPostgres postgres = HerokuPostgres.builder().configVars(db.configVars())
        .hikariCustomizer(config -> config.setAutoCommit(false)).build()) {
      assertThat(postgres.copy().importCsv(CopyTable.of("manual"),
          new StringReader("id\n1\n2\n"), CsvOptions.defaults())).isEqualTo(2);
      assertThatThrownBy(() -> postgres.copy().importCsv(CopyTable.of("manual"),
          new StringReader("id\n3\nfour\n"), CsvOptions.defaults()))
          .isInstanceOf(CopyFailedException.class);
      assertThat(postgres.copy().importCsv(CopyTable.of("manual"), new StringReader("id\n5\n"),
          CsvOptions.defaults())).isEqualTo(1);
    }
    // 1 and 2 committed, 3 rolled back with the bad line, 5 committed on the same pool
    assertThat(queryLong(db, "SELECT count(*) FROM manual")).isEqualTo(3);
    assertThat(queryLong(db, "SELECT sum(id) FROM manual")).isEqualTo(8);
  }

  @Test
  void pathExportReplacesTheFile(TestDatabase db, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("out.csv");
    Files.writeString(file, "old content that is longer than the export\n".repeat(10));
    try (HerokuPostgres postgres = HerokuPostgres.fromConfig(db.configVars())) {
      assertThat(postgres.copy().exportQuery("SELECT 1 AS a", file)).isEqualTo(1);
    }
    assertThat(Files.readString(file)).isEqualTo("a\n1\n");
  }
}
