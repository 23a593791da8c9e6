package io.herokusdk.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.testing.PostgresExtension;
import io.herokusdk.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * COPY through a real PgBouncer in transaction mode, as {@code DATABASE_CONNECTION_POOL_URL}:
 * each COPY is one statement in autocommit, so it stays on one server connection.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CopyThroughPgBouncerTest {
  private TestDatabase db;
  private PgBouncer bouncer;
  private HerokuPostgres postgres;

  @BeforeAll
  void startBouncer(TestDatabase db) throws Exception {
    this.db = db;
    bouncer = PgBouncer.startFor(db, 3);
    postgres = bouncer.herokuPostgres(db, 2);
    try (Connection direct = db.jdbcConnection(); Statement statement = direct.createStatement()) {
      statement.execute("CREATE TABLE src AS SELECT g AS id, 'row, \"' || g || E'\"\\n' AS name "
          + "FROM generate_series(1, 50000) g");
      statement.execute("CREATE TABLE dst (LIKE src)");
    }
  }

  @AfterAll
  void stopBouncer() {
    if (postgres != null) postgres.close();
    if (bouncer != null) bouncer.close();
  }

  @Test
  void exportAndImportRoundTripThroughTransactionModePgBouncer() throws Exception {
    assertThat(postgres.configVar()).isEqualTo("DATABASE_CONNECTION_POOL_URL");
    PostgresCopy copy = postgres.copy();
    for (int round = 0; round < 3; round++) {
      ByteArrayOutputStream csv = new ByteArrayOutputStream();
      assertThat(copy.exportTable(CopyTable.of("src"), csv, CsvOptions.defaults()))
          .isEqualTo(50_000);
      try (Connection direct = db.jdbcConnection();
          Statement statement = direct.createStatement()) {
        statement.execute("TRUNCATE dst");
      }
      assertThat(copy.importCsv(CopyTable.of("dst"), new ByteArrayInputStream(csv.toByteArray())))
          .isEqualTo(50_000);
    }
    try (Connection direct = db.jdbcConnection();
        Statement statement = direct.createStatement();
        ResultSet row = statement.executeQuery(
            "SELECT count(*) FROM (SELECT * FROM src EXCEPT SELECT * FROM dst) d")) {
      row.next();
      assertThat(row.getLong(1)).isZero();
    }
  }

  @Test
  void badCsvThroughPgBouncerIsTheSameTypedErrorAndLeavesTheConnectionUsable()
      throws Exception {
    PostgresCopy copy = postgres.copy();
    assertThatThrownBy(() -> copy.importCsv(CopyTable.of("dst"),
        new StringReader("id,name\n1,a\nnot a number,b\n"), CsvOptions.defaults()))
        .isInstanceOfSatisfying(CopyFailedException.class, e -> {
          assertThat(e.line()).hasValue(3);
          assertThat(e.getMessage()).contains("table dst", "line 3")
              .doesNotContain(db.password().reveal());
        });
    for (int i = 0; i < 4; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThat(copy.exportQuery("SELECT 'ok' AS status", out)).isEqualTo(1);
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("status\nok\n");
    }
  }
}
