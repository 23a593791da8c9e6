package io.herokusdk.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokusdk.core.ServiceUrl;
import io.herokusdk.postgres.PostgresDiagnostics.BlockingLock;
import io.herokusdk.postgres.PostgresDiagnostics.LongRunningQuery;
import io.herokusdk.postgres.PostgresDiagnostics.TopQueries;
import io.herokusdk.testing.PostgresExtension;
import io.herokusdk.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link PostgresDiagnostics} against the embedded server. */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiagnosticsTest {
  private TestDatabase db;
  private HerokuPostgres postgres;
  private PostgresDiagnostics diagnostics;
  private final ExecutorService background = Executors.newCachedThreadPool();

  @BeforeAll
  void setUp(TestDatabase db) throws SQLException {
    this.db = db;
    postgres = HerokuPostgres.builder().configVars(db.configVars()).maximumPoolSize(4).build();
    diagnostics = postgres.diagnostics();
    try (Connection connection = db.jdbcConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE diag_items (id int PRIMARY KEY, name text)");
      statement.execute("CREATE TABLE diag_other (id int)");
      statement.execute("CREATE TABLE diag_parted (id int) PARTITION BY RANGE (id)");
      statement.execute("INSERT INTO diag_items SELECT g, 'item ' || g"
          + " FROM generate_series(1, 5000) g");
    }
  }

  @AfterAll
  void tearDown() {
    background.shutdownNow();
    postgres.close();
  }

  private static <T> T eventually(Supplier<T> probe, java.util.function.Predicate<T> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    T value = probe.get();
    while (!done.test(value) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      value = probe.get();
    }
    return value;
  }

  private static int pid(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
      row.next();
      return row.getInt(1);
    }
  }

  @Test
  void pingReportsLatencyAndVersion() throws SQLException {
    PostgresDiagnostics.Ping ping = diagnostics.ping();

    assertThat(ping.latency()).isPositive();
    assertThat(ping.serverVersion()).isEqualTo(db.server().version());
  }

  @Test
  void connectionsCountOpenClientsAgainstMaxConnections() throws SQLException {
    int before = diagnostics.connections().inUse();
    List<Connection> extra = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) extra.add(db.jdbcConnection());
      PostgresDiagnostics.ConnectionUsage usage = diagnostics.connections();
      assertThat(usage.inUse()).isGreaterThanOrEqualTo(before + 3);
      try (Connection connection = db.jdbcConnection();
          Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery("SHOW max_connections")) {
        row.next();
        assertThat(usage.maxConnections()).isEqualTo(Integer.parseInt(row.getString(1)));
      }
      assertThat(usage.ratio()).isBetween(0.0, 1.0);
    } finally {
      for (Connection connection : extra) connection.close();
    }
  }

  @Test
  void sizeAndTableCountDescribeTheDatabase() throws SQLException {
    assertThat(diagnostics.tableCount()).isEqualTo(3);
    long size = diagnostics.databaseSizeBytes();
    try (Connection connection = db.jdbcConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE diag_big AS SELECT g, repeat('x', 500) AS filler"
          + " FROM generate_series(1, 5000) g");
      assertThat(diagnostics.tableCount()).isEqualTo(4);
      assertThat(diagnostics.databaseSizeBytes()).isGreaterThan(size + 2_000_000);
    } finally {
      try (Connection connection = db.jdbcConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("DROP TABLE IF EXISTS diag_big");
      }
    }
  }

  @Test
  void hitRatiosAppearOnceTablesAreRead() throws SQLException {
    try (Connection connection = db.jdbcConnection()) {
      try (PreparedStatement lookup =
          connection.prepareStatement("SELECT name FROM diag_items WHERE id = ?")) {
        for (int i = 1; i <= 50; i++) {
          lookup.setInt(1, i);
          try (ResultSet row = lookup.executeQuery()) {
            assertThat(row.next()).isTrue();
          }
        }
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_stat_force_next_flush()");
        statement.execute("SELECT 1"); // ends a transaction, which flushes the statistics
      }
    }
    PostgresDiagnostics.HitRatios ratios = diagnostics.hitRatios();

    assertThat(ratios.tableCacheHitRatio()).isPresent();
    assertThat(ratios.tableCacheHitRatio().getAsDouble()).isBetween(0.0, 1.0);
    assertThat(ratios.indexCacheHitRatio()).isPresent();
    assertThat(ratios.indexCacheHitRatio().getAsDouble()).isBetween(0.0, 1.0);
    assertThat(ratios.indexUsageRatio()).isPresent();
    assertThat(ratios.indexUsageRatio().getAsDouble()).isGreaterThan(0.0);
  }

  @Test
  void longRunningQueriesShowsAStatementOfAnotherBackend() throws Exception {
    try (Connection sleeper = db.jdbcConnection()) {
      int sleeperPid = pid(sleeper);
      Future<?> sleeping = background.submit(() -> {
        try (Statement statement = sleeper.createStatement()) {
          statement.execute("SELECT pg_sleep(60) /* diag-long-running */");
        }
        return null;
      });
      try {
        List<LongRunningQuery> found = eventually(() -> {
          try {
            return diagnostics.longRunningQueries(Duration.ofMillis(100));
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        }, list -> list.stream().anyMatch(q -> q.pid() == sleeperPid));

        LongRunningQuery query =
            found.stream().filter(q -> q.pid() == sleeperPid).findFirst().orElseThrow();
        assertThat(query.query()).contains("diag-long-running");
        assertThat(query.state()).isEqualTo("active");
        assertThat(query.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(diagnostics.longRunningQueries(Duration.ofHours(1)))
            .noneMatch(q -> q.pid() == sleeperPid);
      } finally {
        try (Connection admin = db.jdbcConnection();
            Statement statement = admin.createStatement()) {
          statement.execute("SELECT pg_cancel_backend(" + sleeperPid + ")");
        }
        try {
          sleeping.get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException expected) {
          // canceled
        }
      }
    }
  }

  @Test
  void blockingLocksNameWaiterAndHolder() throws Exception {
    try (Connection holder = db.jdbcConnection(); Connection waiter = db.jdbcConnection()) {
      int holderPid = pid(holder);
      int waiterPid = pid(waiter);
      holder.setAutoCommit(false);
      try (Statement statement = holder.createStatement()) {
        statement.executeUpdate("UPDATE diag_items SET name = 'held' WHERE id = 1");
      }
      Future<?> waiting = background.submit(() -> {
        try (Statement statement = waiter.createStatement()) {
          statement.executeUpdate("UPDATE diag_items SET name = 'waited' WHERE id = 1");
        }
        return null;
      });
      try {
        List<BlockingLock> locks = eventually(() -> {
          try {
            return diagnostics.blockingLocks();
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        }, list -> list.stream().anyMatch(l -> l.blockedPid() == waiterPid));

        BlockingLock lock =
            locks.stream().filter(l -> l.blockedPid() == waiterPid).findFirst().orElseThrow();
        assertThat(lock.blockingPid()).isEqualTo(holderPid);
        assertThat(lock.blockedQuery()).contains("'waited'");
        assertThat(lock.blockingQuery()).contains("'held'");
        assertThat(lock.blockingState()).isEqualTo("idle in transaction");
      } finally {
        holder.rollback();
        waiting.get(20, TimeUnit.SECONDS);
      }
      assertThat(diagnostics.blockingLocks()).noneMatch(l -> l.blockedPid() == waiterPid);
    }
  }

  @Test
  void topQueriesComeFromPgStatStatements() throws SQLException {
    try (Connection connection = db.jdbcConnection();
        Statement statement = connection.createStatement()) {
      for (int i = 0; i < 5; i++) {
        try (ResultSet rows = statement.executeQuery(
            "SELECT count(*) /* diag-top */ FROM diag_items WHERE name LIKE 'item 1%'")) {
          rows.next();
        }
      }
    }
    TopQueries top = diagnostics.topQueries(100);

    assertThat(top).isInstanceOf(TopQueries.Available.class);
    List<PostgresDiagnostics.QueryStats> queries = ((TopQueries.Available) top).queries();
    PostgresDiagnostics.QueryStats ours = queries.stream()
        .filter(q -> q.query().contains("diag-top")).findFirst().orElseThrow();
    assertThat(ours.calls()).isEqualTo(5);
    assertThat(ours.rows()).isEqualTo(5);
    assertThat(ours.totalTime()).isGreaterThanOrEqualTo(ours.meanTime());
    assertThat(queries).isSortedAccordingTo(
        (a, b) -> b.totalTime().compareTo(a.totalTime()));
  }

  @Test
  void topQueriesSayWhenTheExtensionIsMissing() throws SQLException {
    try (TestDatabase bare = db.server().createDatabase()) {
      ServiceUrl admin = ServiceUrl.parse("admin", db.server().adminUrl());
      try (Connection connection = DriverManager.getConnection(
              "jdbc:postgresql://" + admin.authority() + "/" + bare.name(),
              admin.user().orElseThrow(), admin.password().orElseThrow().reveal());
          Statement statement = connection.createStatement()) {
        statement.execute("DROP EXTENSION IF EXISTS pg_stat_statements");
      }
      try (HerokuPostgres barePostgres = HerokuPostgres.fromConfig(bare.configVars())) {
        TopQueries top = barePostgres.diagnostics().topQueries(10);

        assertThat(top).isInstanceOf(TopQueries.Unavailable.class);
        assertThat(((TopQueries.Unavailable) top).reason())
            .contains("pg_stat_statements extension is not installed")
            .contains("CREATE EXTENSION pg_stat_statements");
      }
    }
  }

  @Test
  void summaryCombinesTheSingleValues() throws SQLException {
    PostgresDiagnostics.Summary summary = diagnostics.summary();

    assertThat(summary.tableCount()).isEqualTo(diagnostics.tableCount());
    assertThat(summary.connections().maxConnections()).isPositive();
    assertThat(summary.databaseSizeBytes()).isPositive();
  }
}
