package io.herokusdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.core.ServiceUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@ExtendWith(PostgresExtension.class)
class PostgresExtensionTest {
  private static final Logger log = LoggerFactory.getLogger(PostgresExtensionTest.class);
  private static String databaseSeenInBeforeAll;

  @BeforeAll
  static void createTable(TestDatabase db) throws SQLException {
    databaseSeenInBeforeAll = db.name();
    try (Connection c = db.jdbcConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE orders (id bigserial PRIMARY KEY, item text NOT NULL)");
    }
  }

  @Test
  void realQueryOverEmbeddedPostgres17(TestDatabase db, PostgresServer server) throws SQLException {
    try (Connection c = db.jdbcConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO orders (item) VALUES ('tea'), ('cake')");
      try (ResultSet rs =
          s.executeQuery(
              "SELECT version(), current_user, current_database(), count(*) FROM orders")) {
        rs.next();
        log.info("Query on {}: {} | user {} | db {}", server, rs.getString(1), rs.getString(2),
            rs.getString(3));
        assertThat(rs.getString(1)).startsWith("PostgreSQL 17.");
        assertThat(rs.getString(2)).isEqualTo(db.user());
        assertThat(rs.getString(3)).isEqualTo(db.name());
        assertThat(rs.getLong(4)).isEqualTo(2);
      }
    }
    assertThat(server.isEmbedded()).isTrue();
    assertThat(server.version()).startsWith("17.");
  }

  @Test
  void sameDatabaseForTheWholeClass(TestDatabase db) {
    assertThat(db.name()).isEqualTo(databaseSeenInBeforeAll);
  }

  @Test
  void urlIsInHerokuFormat(TestDatabase db) {
    assertThat(db.url())
        .matches("postgres://u[a-z0-9]{13}:p[0-9a-f]{64}@127\\.0\\.0\\.1:\\d+/d[a-z0-9]{13}");
    ServiceUrl url = ServiceUrl.parse("DATABASE_URL", db.url());
    assertThat(url.user()).contains(db.user());
    assertThat(url.password()).contains(db.password());
    assertThat(url.port()).isEqualTo(db.port());
    assertThat(url.path()).isEqualTo(db.name());
    assertThat(url.isLoopback()).isTrue();
    assertThat(db.configVars().get("DATABASE_URL")).contains(db.url());
    assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + db.port() + "/" + db.name());
  }

  @Test
  void roleIsNotPrivilegedAndOwnsItsDatabase(TestDatabase db) throws SQLException {
    try (Connection c = db.jdbcConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT rolsuper, rolcreatedb, rolcreaterole,"
                    + " pg_get_userbyid(d.datdba) = current_user"
                    + " FROM pg_roles r, pg_database d"
                    + " WHERE r.rolname = current_user AND d.datname = current_database()")) {
      rs.next();
      assertThat(rs.getBoolean(1)).as("superuser").isFalse();
      assertThat(rs.getBoolean(2)).as("createdb").isFalse();
      assertThat(rs.getBoolean(3)).as("createrole").isFalse();
      assertThat(rs.getBoolean(4)).as("owns the database").isTrue();
    }
  }

  @Test
  void pgStatStatementsIsPreloadedAndInstalled(TestDatabase db, PostgresServer server)
      throws SQLException {
    try (Connection c = Admin.connect(server);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW shared_preload_libraries")) {
      rs.next();
      assertThat(rs.getString(1)).contains("pg_stat_statements");
    }
    // the handed-out role is no superuser: it cannot read that setting, but can use the view
    try (Connection c = db.jdbcConnection(); Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'")) {
        assertThat(rs.next()).as("installed in the fresh database").isTrue();
      }
      s.execute("SELECT count(*) FROM orders WHERE item = 'canary-query'");
      try (ResultSet rs =
          s.executeQuery(
              "SELECT calls FROM pg_stat_statements WHERE query LIKE '%FROM orders WHERE item = $1%'")) {
        assertThat(rs.next()).as("the query was recorded").isTrue();
        assertThat(rs.getLong(1)).isPositive();
      }
    }
  }

  @Test
  void connectionsUseTls(TestDatabase db) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", db.user());
    properties.setProperty("password", db.password().reveal());
    properties.setProperty("sslmode", "require");
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), properties);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
      rs.next();
      assertThat(rs.getBoolean(1)).isTrue();
      log.info("sslmode=require works against the embedded server ({})", rs.getString(2));
    }
  }

  @Test
  void wrongPasswordIsRejected(TestDatabase db) {
    Properties properties = new Properties();
    properties.setProperty("user", db.user());
    properties.setProperty("password", "not-" + db.password().reveal());
    assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), properties).close())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("password authentication failed")
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
  }

  @Test
  void otherRolesCannotConnect(TestDatabase db, PostgresServer server) throws SQLException {
    try (TestDatabase other = server.createDatabase()) {
      Properties properties = new Properties();
      properties.setProperty("user", other.user());
      properties.setProperty("password", other.password().reveal());
      assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), properties).close())
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied for database");
    }
  }

  @Test
  void rotatePasswordInvalidatesTheOldOne(PostgresServer server) throws SQLException {
    try (TestDatabase db = server.createDatabase()) {
      TestDatabase rotated = db.rotatePassword();
      assertThat(rotated.password()).isNotEqualTo(db.password());
      assertThat(rotated.url()).isNotEqualTo(db.url());
      try (Connection c = rotated.jdbcConnection()) {
        assertThat(c.isValid(5)).isTrue();
      }
      assertThatThrownBy(() -> db.jdbcConnection().close())
          .hasMessageContaining("password authentication failed");
    }
  }

  @Test
  void closeDropsTheDatabaseAndRole(PostgresServer server) throws SQLException {
    TestDatabase db = server.createDatabase();
    try (Connection open = db.jdbcConnection()) {
      db.close(); // closes open connections too (DROP DATABASE ... WITH (FORCE))
      db.close(); // idempotent
      assertThat(open.isValid(2)).isFalse();
    }
    assertThatThrownBy(() -> db.jdbcConnection().close()).isInstanceOf(SQLException.class);
    assertThat(Admin.databaseExists(server, db.name())).isFalse();
    assertThat(Admin.roleExists(server, db.user())).isFalse();
  }
}
