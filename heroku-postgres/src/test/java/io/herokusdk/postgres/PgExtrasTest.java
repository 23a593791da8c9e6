package io.herokusdk.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.core.ServiceUrl;
import io.herokusdk.postgres.Diagnosis.Status;
import io.herokusdk.postgres.PgExtras.Statements;
import io.herokusdk.postgres.PgExtras.StatementStats;
import io.herokusdk.postgres.PostgresDiagnostics.BlockingLock;
import io.herokusdk.postgres.PostgresDiagnostics.LongRunningQuery;
import io.herokusdk.testing.PostgresExtension;
import io.herokusdk.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every {@link PgExtras} query and {@code diagnose()} against the embedded server. */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PgExtrasTest {
  private TestDatabase db;
  private HerokuPostgres postgres;
  private PgExtras extras;
  private final ExecutorService background = Executors.newCachedThreadPool();

  @BeforeAll
  void setUp(TestDatabase db) {
    this.db = db;
    postgres = HerokuPostgres.builder().configVars(db.configVars()).maximumPoolSize(4).build();
    extras = postgres.extras();
  }

  @AfterAll
  void tearDown() {
    background.shutdownNow();
    postgres.close();
  }

  @FunctionalInterface
  private interface Probe<T> {
    T get() throws SQLException;
  }

  private static <T> T eventually(Probe<T> probe, Predicate<T> done) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    T value = probe.get();
    while (!done.test(value) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      value = probe.get();
    }
    return value;
  }

  private static void sql(Connection connection, String... statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) statement.execute(sql);
    }
  }

  private void sql(String... statements) throws SQLException {
    try (Connection connection = db.jdbcConnection()) {
      sql(connection, statements);
    }
  }

  /** Statistics reach the shared counters at the end of the next transaction. */
  private static void flushStats(Connection connection) throws SQLException {
    sql(connection, "SELECT pg_stat_force_next_flush()", "SELECT 1");
  }

  private static int pid(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
      row.next();
      return row.getInt(1);
    }
  }

  @Test
  void cacheHitAndIndexUsageCountScansOfATable() throws Exception {
    try (Connection connection = db.jdbcConnection()) {
      sql(connection, "CREATE TABLE ex_usage (id int PRIMARY KEY, name text)",
          "INSERT INTO ex_usage SELECT g, 'n' || g FROM generate_series(1, 2000) g");
      for (int i = 1; i <= 9; i++) sql(connection, "SELECT name FROM ex_usage WHERE id = " + i);
      sql(connection, "SELECT count(*) FROM ex_usage");
      flushStats(connection);
    }

    PgExtras.IndexUsage usage = extras.indexUsage().stream()
        .filter(u -> u.table().equals("ex_usage")).findFirst().orElseThrow();
    assertThat(usage.schema()).isEqualTo("public");
    assertThat(usage.liveRows()).isEqualTo(2000);
    assertThat(usage.indexUsageRatio()).isPresent();
    assertThat(usage.indexUsageRatio().getAsDouble()).isBetween(0.5, 0.99);
    assertThat(extras.cacheHit().tableCacheHitRatio()).isPresent();
    assertThat(extras.cacheHit().indexCacheHitRatio()).isPresent();
  }

  @Test
  void bloatIsReportedForATableWhoseRowsWereDeleted() throws SQLException {
    sql("CREATE TABLE ex_bloat (id int PRIMARY KEY, filler text)"
            + " WITH (autovacuum_enabled = false)",
        "INSERT INTO ex_bloat SELECT g, repeat('x', 200) FROM generate_series(1, 20000) g",
        "ANALYZE ex_bloat");
    PgExtras.Bloat before = bloatOf("ex_bloat");
    sql("DELETE FROM ex_bloat WHERE id > 1000", "ANALYZE ex_bloat");

    PgExtras.Bloat after = bloatOf("ex_bloat");
    assertThat(before.ratio()).isLessThan(1.5);
    assertThat(after.ratio()).isGreaterThan(10);
    assertThat(after.wastedBytes()).isGreaterThan(3_000_000);
    assertThat(after.kind()).isEqualTo("table");
    assertThat(after.index()).isEmpty();
    assertThat(extras.bloat()).anyMatch(b -> b.kind().equals("index")
        && b.index().orElseThrow().equals("ex_bloat_pkey") && b.table().equals("ex_bloat"));
    assertThat(extras.bloat()).isSortedAccordingTo(
        (a, b) -> Long.compare(b.wastedBytes(), a.wastedBytes()));
  }

  private PgExtras.Bloat bloatOf(String table) throws SQLException {
    return extras.bloat().stream()
        .filter(b -> b.kind().equals("table") && b.table().equals(table))
        .findFirst().orElseThrow();
  }

  @Test
  void blockingAndLocksShowAWaiterAndTheTableLockItWaitsFor() throws Exception {
    sql("CREATE TABLE ex_locked (id int)");
    try (Connection holder = db.jdbcConnection(); Connection waiter = db.jdbcConnection()) {
      int holderPid = pid(holder);
      int waiterPid = pid(waiter);
      holder.setAutoCommit(false);
      sql(holder, "LOCK TABLE ex_locked IN ACCESS EXCLUSIVE MODE");
      Future<?> waiting = background.submit(() -> {
        sql(waiter, "INSERT INTO ex_locked VALUES (1)");
        return null;
      });
      try {
        List<BlockingLock> blocking = eventually(extras::blocking,
            list -> list.stream().anyMatch(l -> l.blockedPid() == waiterPid));
        assertThat(blocking).anyMatch(l -> l.blockedPid() == waiterPid
            && l.blockingPid() == holderPid && l.blockedQuery().contains("ex_locked"));

        List<PgExtras.Lock> locks = extras.locks();
        assertThat(locks).anyMatch(l -> l.pid() == holderPid && l.relation().equals("ex_locked")
            && l.mode().equals("AccessExclusiveLock") && l.granted());
        assertThat(locks).anyMatch(l -> l.pid() == waiterPid && l.relation().equals("ex_locked")
            && l.mode().equals("RowExclusiveLock") && !l.granted());
        assertThat(locks.get(0).granted()).isFalse();

        assertThat(extras.idleInTransaction(Duration.ZERO))
            .anyMatch(q -> q.pid() == holderPid && q.state().equals("idle in transaction")
                && q.query().contains("LOCK TABLE"));
        assertThat(extras.idleInTransaction(Duration.ofHours(1)))
            .noneMatch(q -> q.pid() == holderPid);
      } finally {
        holder.rollback();
        waiting.get(20, TimeUnit.SECONDS);
      }
      assertThat(extras.locks()).noneMatch(l -> l.relation().equals("ex_locked"));
    }
  }

  @Test
  void longRunningQueriesShowAStatementOfAnotherThread() throws Exception {
    try (Connection sleeper = db.jdbcConnection()) {
      int sleeperPid = pid(sleeper);
      Future<?> sleeping = background.submit(() -> {
        sql(sleeper, "SELECT pg_sleep(60) /* ex-long-running */");
        return null;
      });
      try {
        List<LongRunningQuery> found = eventually(
            () -> extras.longRunningQueries(Duration.ofMillis(100)),
            list -> list.stream().anyMatch(q -> q.pid() == sleeperPid));
        assertThat(found).anyMatch(q -> q.pid() == sleeperPid
            && q.query().contains("ex-long-running") && q.state().equals("active"));
        assertThat(extras.longRunningQueries()).noneMatch(q -> q.pid() == sleeperPid);
      } finally {
        sql("SELECT pg_cancel_backend(" + sleeperPid + ")");
        try {
          sleeping.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException expected) {
          // canceled
        }
      }
    }
  }

  @Test
  void outliersAndCallsComeFromPgStatStatements() throws SQLException {
    try (Connection connection = db.jdbcConnection()) {
      sql(connection, "CREATE TABLE ex_stmts (id int)");
      for (int i = 0; i < 7; i++) sql(connection, "SELECT count(*) /* ex-often */ FROM ex_stmts");
      sql(connection, "SELECT count(*) /* ex-slow */ FROM pg_sleep(0.05)");
    }

    Statements calls = extras.calls(500);
    Statements outliers = extras.outliers(500);

    assertThat(calls).isInstanceOf(Statements.Available.class);
    List<StatementStats> byCalls = ((Statements.Available) calls).statements();
    assertThat(byCalls).isSortedAccordingTo((a, b) -> Long.compare(b.calls(), a.calls()));
    assertThat(byCalls).anyMatch(s -> s.query().contains("ex-often") && s.calls() == 7
        && s.rows() == 7);
    List<StatementStats> byTime = ((Statements.Available) outliers).statements();
    assertThat(byTime).isSortedAccordingTo((a, b) -> b.totalTime().compareTo(a.totalTime()));
    StatementStats slow = byTime.stream().filter(s -> s.query().contains("ex-slow"))
        .findFirst().orElseThrow();
    assertThat(slow.calls()).isEqualTo(1);
    assertThat(slow.totalTime()).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    assertThat(slow.proportion()).isGreaterThan(0).isLessThanOrEqualTo(1);
    assertThat(byTime.stream().mapToDouble(StatementStats::proportion).sum())
        .isLessThanOrEqualTo(1.0001);
    assertThat(slow.ioTime()).isGreaterThanOrEqualTo(Duration.ZERO);
    assertThatThrownBy(() -> extras.outliers(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit is 0");
  }

  @Test
  void outliersAndCallsSayWhenTheExtensionIsMissing() throws SQLException {
    try (TestDatabase bare = db.server().createDatabase()) {
      ServiceUrl admin = ServiceUrl.parse("admin", db.server().adminUrl());
      try (Connection connection = DriverManager.getConnection(
          "jdbc:postgresql://" + admin.authority() + "/" + bare.name(),
          admin.user().orElseThrow(), admin.password().orElseThrow().reveal())) {
        sql(connection, "DROP EXTENSION IF EXISTS pg_stat_statements");
      }
      try (HerokuPostgres barePostgres = HerokuPostgres.fromConfig(bare.configVars())) {
        Statements outliers = barePostgres.extras().outliers(10);
        Statements calls = barePostgres.extras().calls(10);

        assertThat(outliers).isInstanceOf(Statements.Unavailable.class);
        assertThat(((Statements.Unavailable) outliers).reason())
            .contains("CREATE EXTENSION pg_stat_statements");
        assertThat(calls).isEqualTo(outliers);
      }
    }
  }

  @Test
  void seqScansCountFullTableReads() throws SQLException {
    try (Connection connection = db.jdbcConnection()) {
      sql(connection, "CREATE TABLE ex_scanned (id int)", "INSERT INTO ex_scanned VALUES (1)");
      for (int i = 0; i < 3; i++) sql(connection, "SELECT * FROM ex_scanned");
      flushStats(connection);
    }

    assertThat(extras.seqScans()).anyMatch(s -> s.table().equals("ex_scanned")
        && s.schema().equals("public") && s.seqScans() >= 3);
    assertThat(extras.seqScans()).isSortedAccordingTo(
        (a, b) -> Long.compare(b.seqScans(), a.seqScans()));
  }

  @Test
  void vacuumStatsCompareDeadTuplesWithTheThresholdFromReloptions() throws SQLException {
    long defaultThreshold;
    try (Connection connection = db.jdbcConnection()) {
      sql(connection, "CREATE TABLE ex_dead (id int) WITH (autovacuum_enabled = false,"
              + " autovacuum_vacuum_threshold = 10, autovacuum_vacuum_scale_factor = 0)",
          "CREATE TABLE ex_plain (id int)",
          "INSERT INTO ex_dead SELECT generate_series(1, 1000)",
          "DELETE FROM ex_dead WHERE id <= 500",
          "INSERT INTO ex_plain VALUES (1)");
      flushStats(connection);
      try (Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery(
              "SELECT current_setting('autovacuum_vacuum_threshold')::int")) {
        row.next();
        defaultThreshold = row.getLong(1);
      }
    }

    List<PgExtras.VacuumStats> stats = extras.vacuumStats();
    PgExtras.VacuumStats dead = stats.stream().filter(s -> s.table().equals("ex_dead"))
        .findFirst().orElseThrow();
    assertThat(dead.deadTuples()).isEqualTo(500);
    assertThat(dead.autovacuumThreshold()).isEqualTo(10);
    assertThat(dead.autovacuumEnabled()).isFalse();
    assertThat(dead.expectAutovacuum()).isTrue();
    assertThat(dead.lastVacuum()).isEmpty();
    PgExtras.VacuumStats plain = stats.stream().filter(s -> s.table().equals("ex_plain"))
        .findFirst().orElseThrow();
    assertThat(plain.autovacuumThreshold()).isEqualTo(defaultThreshold);
    assertThat(plain.expectAutovacuum()).isFalse();

    sql("VACUUM ex_dead");
    assertThat(extras.vacuumStats().stream().filter(s -> s.table().equals("ex_dead"))
        .findFirst().orElseThrow().lastVacuum()).isPresent();
  }

  @Test
  void unusedIndexesListNonUniqueIndexesNeverScanned() throws SQLException {
    sql("CREATE TABLE ex_indexed (id int PRIMARY KEY, code text, tag text)",
        "CREATE INDEX ex_indexed_code ON ex_indexed (code)",
        "CREATE UNIQUE INDEX ex_indexed_tag ON ex_indexed (tag)",
        "INSERT INTO ex_indexed SELECT g, 'c' || g, 't' || g FROM generate_series(1, 1000) g");

    List<PgExtras.UnusedIndex> unused = extras.unusedIndexes();
    assertThat(unused).anyMatch(i -> i.index().equals("ex_indexed_code")
        && i.table().equals("ex_indexed") && i.scans() == 0 && i.sizeBytes() > 0);
    assertThat(unused).noneMatch(i -> i.index().equals("ex_indexed_pkey")
        || i.index().equals("ex_indexed_tag"));
    assertThat(extras.unusedIndexes(0)).isEmpty();
  }

  @Test
  void tableAndIndexSizesAndRecordsRankDescribeTables() throws SQLException {
    try (Connection connection = db.jdbcConnection()) {
      sql(connection, "CREATE TABLE ex_sized (id int PRIMARY KEY, filler text)",
          "INSERT INTO ex_sized SELECT g, repeat('y', 300) FROM generate_series(1, 3000) g");
      flushStats(connection);
    }

    PgExtras.TableSize size = extras.tableSizes().stream()
        .filter(t -> t.table().equals("ex_sized")).findFirst().orElseThrow();
    assertThat(size.tableBytes()).isGreaterThan(900_000);
    assertThat(size.indexBytes()).isPositive();
    assertThat(size.totalBytes()).isEqualTo(size.tableBytes() + size.indexBytes());
    assertThat(extras.tableSizes()).isSortedAccordingTo(
        (a, b) -> Long.compare(b.totalBytes(), a.totalBytes()));
    assertThat(extras.indexSizes()).anyMatch(i -> i.index().equals("ex_sized_pkey")
        && i.table().equals("ex_sized") && i.sizeBytes() == size.indexBytes());
    assertThat(extras.recordsRank()).anyMatch(r -> r.table().equals("ex_sized")
        && r.estimatedRows() == 3000);
    assertThat(extras.recordsRank()).isSortedAccordingTo(
        (a, b) -> Long.compare(b.estimatedRows(), a.estimatedRows()));
  }

  @Test
  void sequencesReportTheShareOfTheirRangeUsed() throws SQLException {
    sql("CREATE SEQUENCE ex_seq MAXVALUE 101", "SELECT setval('ex_seq', 96)");

    PgExtras.SequenceUsage usage = extras.sequences().stream()
        .filter(s -> s.sequence().equals("ex_seq")).findFirst().orElseThrow();
    assertThat(usage.lastValue()).isEqualTo(96);
    assertThat(usage.maxValue()).isEqualTo(101);
    assertThat(usage.usedRatio()).isEqualTo(0.95);
  }

  @Test
  void diagnoseIsGreenOnAFreshDatabase() throws SQLException {
    try (TestDatabase fresh = db.server().createDatabase();
        HerokuPostgres freshPostgres = HerokuPostgres.fromConfig(fresh.configVars())) {
      Diagnosis diagnosis = freshPostgres.extras().diagnose();

      assertThat(diagnosis.worst()).as(diagnosis.toString()).isEqualTo(Status.GREEN);
      assertThat(diagnosis.checks()).extracting(Diagnosis.Check::name).containsExactly(
          "connections", "long-queries", "idle-in-transaction", "unused-indexes", "bloat",
          "hit-rate", "blocking", "sequences", "unlogged-tables", "wraparound",
          "schema-count");
      assertThat(diagnosis.checks()).allMatch(c -> c.details().isEmpty());
    }
  }

  @Test
  void diagnoseTurnsRedAndYellowForWhatItFinds() throws Exception {
    try (TestDatabase fresh = db.server().createDatabase();
        HerokuPostgres freshPostgres = HerokuPostgres.fromConfig(fresh.configVars());
        Connection holder = fresh.jdbcConnection();
        Connection waiter = fresh.jdbcConnection()) {
      sql(holder, "CREATE UNLOGGED TABLE ex_scratch (id int)",
          "CREATE TABLE ex_orders (id int, customer int)",
          "CREATE INDEX ex_orders_customer ON ex_orders (customer)",
          "CREATE SEQUENCE ex_nearly_done MAXVALUE 101", "SELECT setval('ex_nearly_done', 96)");
      int waiterPid = pid(waiter);
      holder.setAutoCommit(false);
      sql(holder, "LOCK TABLE ex_orders IN ACCESS EXCLUSIVE MODE");
      Future<?> waiting = background.submit(() -> {
        sql(waiter, "INSERT INTO ex_orders VALUES (1, 1)");
        return null;
      });
      try {
        PgExtras freshExtras = freshPostgres.extras();
        eventually(freshExtras::blocking,
            list -> list.stream().anyMatch(l -> l.blockedPid() == waiterPid));
        DiagnoseThresholds strict = DiagnoseThresholds.defaults()
            .withDurations(Duration.ZERO, Duration.ZERO)
            .withUnusedIndexMinBytes(0)
            .withXidAge(0, 0)
            .withSchemaCount(0);

        Diagnosis diagnosis = freshExtras.diagnose(strict);

        assertThat(diagnosis.worst()).isEqualTo(Status.RED);
        assertThat(status(diagnosis, "blocking")).isEqualTo(Status.RED);
        assertThat(diagnosis.check("blocking").orElseThrow().details())
            .anyMatch(d -> d.startsWith("pid " + waiterPid + " waits"));
        assertThat(status(diagnosis, "long-queries")).isEqualTo(Status.RED);
        assertThat(status(diagnosis, "idle-in-transaction")).isEqualTo(Status.RED);
        assertThat(status(diagnosis, "sequences")).isEqualTo(Status.RED);
        assertThat(diagnosis.check("sequences").orElseThrow().details())
            .containsExactly("public.ex_nearly_done: 95.0% used (96 of 101)");
        assertThat(status(diagnosis, "unused-indexes")).isEqualTo(Status.YELLOW);
        assertThat(diagnosis.check("unused-indexes").orElseThrow().details())
            .anyMatch(d -> d.startsWith("public.ex_orders_customer on ex_orders"));
        assertThat(status(diagnosis, "unlogged-tables")).isEqualTo(Status.YELLOW);
        assertThat(diagnosis.check("unlogged-tables").orElseThrow().details())
            .containsExactly("public.ex_scratch");
        assertThat(status(diagnosis, "wraparound")).isEqualTo(Status.RED);
        assertThat(status(diagnosis, "schema-count")).isEqualTo(Status.YELLOW);
        assertThat(status(diagnosis, "connections")).isEqualTo(Status.GREEN);
        assertThat(diagnosis.toString()).contains("RED: blocking: 1 statement(s) waiting");

        Diagnosis lenient = freshExtras.diagnose(DiagnoseThresholds.defaults()
            .withSequences(0.99, 1.0).withConnections(0, 0));
        assertThat(status(lenient, "sequences")).isEqualTo(Status.GREEN);
        assertThat(status(lenient, "connections")).isEqualTo(Status.RED);
      } finally {
        holder.rollback();
        waiting.get(20, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void diagnoseBloatAndHitRateFollowTheirThresholds() throws SQLException {
    try (TestDatabase fresh = db.server().createDatabase();
        HerokuPostgres freshPostgres = HerokuPostgres.fromConfig(fresh.configVars());
        Connection connection = fresh.jdbcConnection()) {
      sql(connection, "CREATE TABLE ex_bloated (id int, filler text)"
              + " WITH (autovacuum_enabled = false)",
          "INSERT INTO ex_bloated SELECT g, repeat('z', 200) FROM generate_series(1, 20000) g",
          "DELETE FROM ex_bloated WHERE id > 1000", "ANALYZE ex_bloated",
          // VACUUM FULL writes the new files past shared buffers: the next reads are misses
          "CREATE TABLE ex_cold (id int PRIMARY KEY, filler text)",
          "INSERT INTO ex_cold SELECT g, repeat('c', 100) FROM generate_series(1, 5000) g",
          "VACUUM FULL ex_cold", "ANALYZE ex_cold",
          "SELECT filler FROM ex_cold WHERE id = 4321");
      flushStats(connection);

      Diagnosis defaults = freshPostgres.extras().diagnose();
      Diagnosis strict = freshPostgres.extras().diagnose(DiagnoseThresholds.defaults()
          .withBloat(2, 1_000_000).withHitRate(1.0));

      assertThat(status(defaults, "bloat")).as(defaults.toString()).isEqualTo(Status.GREEN);
      assertThat(status(strict, "bloat")).isEqualTo(Status.YELLOW);
      assertThat(strict.check("bloat").orElseThrow().details())
          .anyMatch(d -> d.startsWith("table public.ex_bloated: bloat "));
      assertThat(status(strict, "hit-rate")).as(strict.toString()).isEqualTo(Status.YELLOW);
    }
  }

  private static Status status(Diagnosis diagnosis, String check) {
    return diagnosis.check(check).orElseThrow().status();
  }

  @Test
  void thresholdsRejectImpossibleValues() {
    assertThatThrownBy(() -> DiagnoseThresholds.defaults().withConnections(0.9, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("connectionsRed is 1.5; it must be between 0 and 1");
    assertThatThrownBy(() -> DiagnoseThresholds.defaults()
        .withDurations(Duration.ofSeconds(-1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DiagnoseThresholds.defaults().withBloat(0.5, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bloatRatio 0.5");
  }
}
