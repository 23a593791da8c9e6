package io.herokusdk.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.herokusdk.core.ConfigVars;
import io.herokusdk.testing.PostgresExtension;
import io.herokusdk.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The pooled DataSource against a real embedded PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class DataSourceTest {

  private static String queryString(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getString(1);
    }
  }

  @Test
  void oneLineGivesAWorkingPool(TestDatabase db) throws SQLException {
    try (HerokuPostgres postgres = HerokuPostgres.fromConfig(db.configVars());
        Connection connection = postgres.dataSource().getConnection()) {
      assertThat(queryString(connection, "SELECT current_user")).isEqualTo(db.user());
      assertThat(queryString(connection, "SELECT current_database()")).isEqualTo(db.name());
      assertThat(postgres.dataSource()).isSameAs(postgres.dataSource());
    }
  }

  @Test
  void poolHasTheHerokuTuning(TestDatabase db) throws SQLException {
    try (HerokuPostgres postgres = HerokuPostgres.fromConfig(db.configVars())) {
      HikariDataSource hikari = postgres.dataSource().unwrap(HikariDataSource.class);
      assertThat(hikari.getMaximumPoolSize()).isEqualTo(postgres.poolSizing().poolSize());
      assertThat(hikari.getMaxLifetime()).isEqualTo(Duration.ofMinutes(10).toMillis());
      assertThat(hikari.getKeepaliveTime()).isEqualTo(Duration.ofMinutes(1).toMillis());
      assertThat(hikari.getConnectionTimeout()).isEqualTo(5_000);
      assertThat(hikari.getMinimumIdle()).isEqualTo(2);
      assertThat(hikari.getDataSource().toString()).doesNotContain(db.password().reveal())
          .contains(postgres.jdbcSettings().jdbcUrl());
    }
  }

  @Test
  void jdbcSettingsWorkWithDriverManager(TestDatabase db) throws SQLException {
    JdbcSettings settings = HerokuPostgres.fromConfig(db.configVars()).jdbcSettings();
    try (Connection connection =
        DriverManager.getConnection(settings.jdbcUrl(), settings.toProperties())) {
      assertThat(queryString(connection, "SELECT current_user")).isEqualTo(db.user());
    }
  }

  @Test
  void applicationNameFromDynoReachesTheServer(TestDatabase db) throws SQLException {
    ConfigVars vars = ConfigVars.of(Map.of("DATABASE_URL", db.url(), "DYNO", "worker.3"));
    try (HerokuPostgres postgres = HerokuPostgres.fromConfig(vars);
        Connection connection = postgres.dataSource().getConnection()) {
      assertThat(queryString(connection, "SHOW application_name")).isEqualTo("worker.3");
    }
  }

  @Test
  void explicitSslmodeRequireReallyEncrypts(TestDatabase db) throws SQLException {
    // The embedded server has TLS on like Heroku; 127.0.0.1 gets no default sslmode, so ask.
    ConfigVars vars = ConfigVars.of(Map.of("DATABASE_URL", db.url()
        + (db.url().contains("?") ? "&" : "?") + "sslmode=require"));
    try (HerokuPostgres postgres = HerokuPostgres.fromConfig(vars);
        Connection connection = postgres.dataSource().getConnection()) {
      assertThat(queryString(connection,
          "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).isEqualTo("t");
    }
  }

  @Test
  void exhaustedPoolSaysSizeLimitAndHowToRaiseIt(TestDatabase db) throws SQLException {
    HerokuPostgres postgres = HerokuPostgres.builder()
        .configVars(db.configVars())
        .maximumPoolSize(2)
        .connectionTimeout(Duration.ofMillis(300))
        .build();
    List<Connection> held = new ArrayList<>();
    try (postgres) {
      PostgresDataSource dataSource = postgres.dataSource();
      held.add(dataSource.getConnection());
      held.add(dataSource.getConnection());

      assertThatThrownBy(dataSource::getConnection)
          .isInstanceOf(PoolExhaustedException.class)
          .isInstanceOf(java.sql.SQLTransientConnectionException.class)
          .hasMessageContaining("2 of 2 pooled connections are in use")
          .hasMessageContaining("connection limit 20")
          .hasMessageContaining("DB_POOL_SIZE")
          .hasMessageContaining("DB_CONNECTION_LIMIT")
          .hasMessageNotContaining(db.password().reveal())
          .satisfies(e -> {
            PoolExhaustedException exhausted = (PoolExhaustedException) e;
            assertThat(exhausted.poolSize()).isEqualTo(2);
            assertThat(exhausted.connectionLimit()).isEqualTo(20);
          });

      held.remove(0).close();
      try (Connection again = dataSource.getConnection()) {
        assertThat(again.isValid(1)).isTrue();
      }
    } finally {
      for (Connection connection : held) connection.close();
    }
  }

  @Test
  void wrongPasswordIsReportedAsAConnectFailureNotExhaustion(TestDatabase db)
      throws SQLException {
    ConfigVars vars = ConfigVars.of(Map.of("DATABASE_URL",
        "postgres://" + db.user() + ":wrong-" + db.password().reveal() + "@127.0.0.1:"
            + db.port() + "/" + db.name()));
    try (HerokuPostgres postgres = HerokuPostgres.builder().configVars(vars)
        .connectionTimeout(Duration.ofMillis(500)).build()) {
      assertThatThrownBy(() -> postgres.dataSource().getConnection())
          .isInstanceOf(DatabaseConnectException.class)
          .hasMessageContaining("Could not connect to the database in DATABASE_URL")
          .hasMessageContaining("password in DATABASE_URL was rejected")
          .hasMessageNotContaining(db.password().reveal())
          .hasRootCauseInstanceOf(org.postgresql.util.PSQLException.class);
    }
  }

  @Test
  void closeClosesEveryPoolItCreated(TestDatabase db) {
    ConfigVars vars = ConfigVars.of(Map.of("DATABASE_URL", db.url(),
        "HEROKU_POSTGRESQL_BLUE_URL", db.url()));
    HerokuPostgres postgres = HerokuPostgres.fromConfig(vars);
    PostgresDataSource primary = postgres.dataSource();
    PostgresDataSource readOnly = postgres.readOnlyDataSource("HEROKU_POSTGRESQL_BLUE");

    postgres.close();

    assertThat(primary.isClosed()).isTrue();
    assertThat(readOnly.isClosed()).isTrue();
    assertThatThrownBy(postgres::dataSource).isInstanceOf(IllegalStateException.class);
  }
}
