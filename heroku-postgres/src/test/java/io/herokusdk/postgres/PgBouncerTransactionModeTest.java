package io.herokusdk.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.herokusdk.testing.PostgresExtension;
import io.herokusdk.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Through a real PgBouncer in transaction mode, as {@code DATABASE_CONNECTION_POOL_URL}: what
 * works with the SDK's settings, and fails without them.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PgBouncerTransactionModeTest {
  private static final int SERVER_CONNECTIONS = 4;
  /** More than pgjdbc's default prepareThreshold of 5, after which it names statements. */
  private static final int EXECUTIONS = 25;

  private TestDatabase db;
  private PgBouncer bouncer;
  private HerokuPostgres postgres;

  @BeforeAll
  void startBouncer(TestDatabase db) throws Exception {
    this.db = db;
    bouncer = PgBouncer.startFor(db, SERVER_CONNECTIONS);
    postgres = bouncer.herokuPostgres(db, 3);
    try (Connection direct = db.jdbcConnection(); Statement statement = direct.createStatement()) {
      statement.execute("CREATE TABLE items (id int PRIMARY KEY, name text)");
    }
  }

  @AfterAll
  void stopBouncer() {
    if (postgres != null) postgres.close();
    if (bouncer != null) bouncer.close();
  }

  /** Makes PgBouncer open all its server connections, so round-robin has several to rotate. */
  private void warmUpServerConnections() throws SQLException {
    List<Connection> clients = new ArrayList<>();
    try {
      for (int i = 0; i < SERVER_CONNECTIONS; i++) {
        Properties properties = new Properties();
        properties.setProperty("user", db.user());
        properties.setProperty("password", db.password().reveal());
        properties.setProperty("preferQueryMode", "simple");
        Connection client = DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + bouncer.port() + "/" + db.name(), properties);
        clients.add(client);
        client.setAutoCommit(false);
        try (Statement statement = client.createStatement()) {
          statement.execute("SELECT 1");
        }
      }
      for (Connection client : clients) client.commit();
    } finally {
      for (Connection client : clients) client.close();
    }
  }

  private static void reusePreparedStatement(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement("SELECT ?::int + 1")) {
      for (int i = 0; i < EXECUTIONS; i++) {
        statement.setInt(1, i);
        try (ResultSet row = statement.executeQuery()) {
          row.next();
          assertThat(row.getInt(1)).isEqualTo(i + 1);
        }
      }
    }
  }

  private static long fetchInSmallBatches(DataSource dataSource) throws SQLException {
    long total = 0;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement statement =
          connection.prepareStatement("SELECT g FROM generate_series(1, ?) AS g")) {
        statement.setFetchSize(10);
        for (int i = 0; i < EXECUTIONS; i++) {
          statement.setInt(1, 100);
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) total += rows.getLong(1);
          }
          connection.commit();
        }
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }
    return total;
  }

  private HikariDataSource rawHikari(String extraParameters) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + bouncer.port() + "/" + db.name()
        + extraParameters);
    config.setUsername(db.user());
    config.setPassword(db.password().reveal());
    config.setMaximumPoolSize(3);
    return new HikariDataSource(config);
  }

  @Test
  void sdkSettingsAreTheTransactionModeOnes() {
    JdbcSettings settings = postgres.jdbcSettings();
    assertThat(settings.configVar()).isEqualTo("DATABASE_CONNECTION_POOL_URL");
    assertThat(settings.parameter("prepareThreshold")).contains("0");
  }

  @Test
  void preparedStatementExecutedManyTimesWorks() throws SQLException {
    warmUpServerConnections();
    reusePreparedStatement(postgres.dataSource());
  }

  @Test
  void withoutTheSdkSettingsTheSamePreparedStatementFails() throws SQLException {
    warmUpServerConnections();
    try (HikariDataSource raw = rawHikari("")) {
      assertThatThrownBy(() -> reusePreparedStatement(raw))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("prepared statement");
    }
  }

  @Test
  void batchesWork() throws SQLException {
    warmUpServerConnections();
    try (Connection connection = postgres.dataSource().getConnection()) {
      for (int round = 0; round < 3; round++) {
        try (PreparedStatement insert =
            connection.prepareStatement("INSERT INTO items (id, name) VALUES (?, ?)")) {
          for (int i = 0; i < 200; i++) {
            insert.setInt(1, round * 1000 + i);
            insert.setString(2, "item " + i);
            insert.addBatch();
          }
          int[] counts = insert.executeBatch();
          assertThat(counts).hasSize(200).containsOnly(1);
        }
      }
      try (Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery("SELECT count(*) FROM items")) {
        row.next();
        assertThat(row.getInt(1)).isEqualTo(600);
      }
    }
  }

  @Test
  void fetchSizeWithAutocommitOffWorks() throws SQLException {
    warmUpServerConnections();
    assertThat(fetchInSmallBatches(postgres.dataSource())).isEqualTo(EXECUTIONS * 5050L);
  }

  @Test
  void withoutTheSdkSettingsFetchSizeWithAutocommitOffFails() throws SQLException {
    warmUpServerConnections();
    try (HikariDataSource raw = rawHikari("")) {
      assertThatThrownBy(() -> fetchInSmallBatches(raw))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("prepared statement");
    }
  }

  @Test
  void prepareThresholdZeroAloneIsEnoughForFetchSize() throws SQLException {
    warmUpServerConnections();
    try (HikariDataSource raw = rawHikari("?prepareThreshold=0")) {
      assertThat(fetchInSmallBatches(raw)).isEqualTo(EXECUTIONS * 5050L);
    }
  }
}
