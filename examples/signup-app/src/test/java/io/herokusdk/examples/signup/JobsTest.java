package io.herokusdk.examples.signup;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.testing.PostgresExtension;
import io.herokusdk.testing.TestDatabase;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The release process (migrations) and the scheduled cleanup job, with their exit codes. */
@ExtendWith(PostgresExtension.class)
class JobsTest {
  static ConfigVars config;

  @BeforeAll
  static void migrate(TestDatabase db) {
    config = ConfigVars.of(Map.of("DATABASE_URL", db.url(), "DATA_RETENTION", "7d"));
    assertThat(MigrateMain.run(config)).isZero();
  }

  @Test
  void migrationsCreateTheSchemaAndAreIdempotent(TestDatabase db) throws Exception {
    assertThat(MigrateMain.run(config)).isZero();
    assertThat(query(db, "SELECT version FROM flyway_schema_history WHERE success ORDER BY"
        + " installed_rank")).containsExactly("1", "2", "3");
    assertThat(query(db, "SELECT table_name FROM information_schema.tables WHERE table_schema"
        + " = 'public' AND table_name IN ('users', 'welcome_emails') ORDER BY 1"))
        .containsExactly("users", "welcome_emails");
  }

  @Test
  void cleanupDeletesOnlyRecordsSettledLongerThanTheRetention(TestDatabase db) throws Exception {
    execute(db, "INSERT INTO users (id, email, name) VALUES"
        + " (101, 'old-sent@example.com', 'a'), (102, 'old-failed@example.com', 'b'),"
        + " (103, 'new-sent@example.com', 'c'), (104, 'old-pending@example.com', 'd')");
    execute(db, "INSERT INTO welcome_emails (user_id, queued_at, sent_at, failed_at) VALUES"
        + " (101, now() - interval '30 days', now() - interval '8 days', NULL),"
        + " (102, now() - interval '30 days', NULL, now() - interval '8 days'),"
        + " (103, now() - interval '30 days', now() - interval '6 days', NULL),"
        + " (104, now() - interval '30 days', NULL, NULL)");

    assertThat(CleanupJob.run(config)).isZero();

    assertThat(query(db, "SELECT user_id FROM welcome_emails WHERE user_id > 100 ORDER BY 1"))
        .containsExactly("103", "104");
    assertThat(query(db, "SELECT count(*) FROM users WHERE id > 100")).containsExactly("4");
  }

  @Test
  void jobsExitWithOneWhenTheDatabaseIsUnreachable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ConfigVars unreachable = ConfigVars.of(Map.of(
        "DATABASE_URL", "postgres://u:p@127.0.0.1:" + closedPort + "/d",
        "DB_CONNECTION_TIMEOUT", "1s"));
    assertThat(CleanupJob.run(unreachable)).isEqualTo(1);
    assertThat(MigrateMain.run(unreachable)).isEqualTo(1);
    assertThat(CleanupJob.run(ConfigVars.of(Map.of()))).isEqualTo(1);
  }

  private static void execute(TestDatabase db, String sql) throws Exception {
    try (Connection c = db.jdbcConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static List<String> query(TestDatabase db, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = db.jdbcConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) rows.add(rs.getString(1));
    }
    return rows;
  }
}
