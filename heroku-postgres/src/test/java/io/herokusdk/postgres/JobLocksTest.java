package io.herokusdk.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.core.JobLock;
import io.herokusdk.core.JobLockException;
import io.herokusdk.core.MissingConfigVarException;
import io.herokusdk.core.Waiter;
import io.herokusdk.testing.PostgresExtension;
import io.herokusdk.testing.TestDatabase;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Job locks on advisory locks against a real PostgreSQL, each {@link HerokuPostgres} standing for
 * one process (a Scheduler run).
 */
@ExtendWith(PostgresExtension.class)
class JobLocksTest {

  /** The pid of the backend that holds {@code job}'s advisory lock, or -1. */
  private static int holderPid(TestDatabase db, String job) throws SQLException {
    long key = PostgresJobLocks.advisoryKey(job);
    try (Connection c = db.jdbcConnection(); PreparedStatement s = c.prepareStatement(
        "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1"
            + " AND classid::bigint = ? AND objid::bigint = ?")) {
      s.setLong(1, key >>> 32);
      s.setLong(2, key & 0xFFFF_FFFFL);
      try (ResultSet row = s.executeQuery()) {
        return row.next() ? row.getInt(1) : -1;
      }
    }
  }

  @Test
  void aSecondProcessCannotTakeAHeldLockUntilItIsReleased(TestDatabase db) {
    try (HerokuPostgres first = HerokuPostgres.fromConfig(db.configVars());
        HerokuPostgres second = HerokuPostgres.fromConfig(db.configVars())) {
      JobLock held = first.jobLocks().tryAcquire("nightly-backup").orElseThrow();

      assertThat(held.job()).isEqualTo("nightly-backup");
      assertThat(held.isHeld()).isTrue();
      assertThat(second.jobLocks().tryAcquire("nightly-backup")).isEmpty();
      assertThat(first.jobLocks().tryAcquire("nightly-backup"))
          .as("not re-entrant: a second run in the same process is refused too").isEmpty();
      Optional<JobLock> otherJob = second.jobLocks().tryAcquire("cost-report");
      assertThat(otherJob).isPresent();
      otherJob.get().close();

      held.close();
      held.close();

      assertThat(held.isHeld()).isFalse();
      Optional<JobLock> afterRelease = second.jobLocks().tryAcquire("nightly-backup");
      assertThat(afterRelease).isPresent();
      afterRelease.get().close();
    }
  }

  @Test
  void runExclusivelyRunsOnlyWhenNobodyElseHoldsTheLock(TestDatabase db) {
    try (HerokuPostgres scheduler = HerokuPostgres.fromConfig(db.configVars());
        HerokuPostgres lateRun = HerokuPostgres.fromConfig(db.configVars())) {
      List<String> runs = new ArrayList<>();
      boolean[] overlapped = new boolean[1];

      boolean ran = scheduler.jobLocks().runExclusively("scale", () -> {
        runs.add("first");
        overlapped[0] = lateRun.jobLocks().runExclusively("scale", () -> runs.add("overlap"));
      });

      assertThat(ran).isTrue();
      assertThat(overlapped[0]).isFalse();
      assertThat(runs).containsExactly("first");
      assertThat(lateRun.jobLocks().runExclusively("scale", () -> runs.add("next")))
          .as("released after the first run").isTrue();
      assertThat(runs).containsExactly("first", "next");
    }
  }

  @Test
  void theLockIsFreedWhenTheHoldersConnectionDies(TestDatabase db) throws SQLException {
    try (HerokuPostgres crashed = HerokuPostgres.fromConfig(db.configVars());
        HerokuPostgres next = HerokuPostgres.fromConfig(db.configVars())) {
      JobLock held = crashed.jobLocks().tryAcquire("backup").orElseThrow();
      int pid = holderPid(db, "backup");
      assertThat(pid).isPositive();

      try (Connection admin = db.jdbcConnection();
          PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
        kill.setInt(1, pid);
        kill.execute();
      }

      // pg_terminate_backend signals the backend; it ends (and drops its locks) right after
      Optional<JobLock> taken = Waiter.builder().timeout(Duration.ofSeconds(10))
          .interval(Duration.ofMillis(20)).build()
          .until("the killed holder's lock to be free", () -> next.jobLocks().tryAcquire("backup"),
              Optional::isPresent);
      assertThat(taken).as("another process can take it").isPresent();
      assertThat(held.isHeld()).isFalse();
      held.close(); // does not throw on the dead connection
      taken.get().close();
    }
  }

  @Test
  void theKeyIsTheDocumentedSha256PrefixThatSqlComputesToo(TestDatabase db) throws SQLException {
    String job = "nightly-backup ü";
    try (HerokuPostgres postgres = HerokuPostgres.fromConfig(db.configVars());
        Connection c = db.jdbcConnection(); PreparedStatement s = c.prepareStatement(
            "SELECT ('x' || left(encode(sha256(convert_to(?, 'UTF8')), 'hex'), 16))"
                + "::bit(64)::bigint")) {
      s.setString(1, job);
      long sqlKey;
      try (ResultSet row = s.executeQuery()) {
        row.next();
        sqlKey = row.getLong(1);
      }
      assertThat(PostgresJobLocks.advisoryKey(job)).isEqualTo(sqlKey);

      try (JobLock lock = postgres.jobLocks().tryAcquire(job).orElseThrow()) {
        assertThat(lock.isHeld()).isTrue();
        assertThat(holderPid(db, job)).as("pg_locks shows it under that key").isPositive();
      }
      assertThat(holderPid(db, job)).isEqualTo(-1);
    }
  }

  @Test
  void behindPgBouncerTheLockUsesADirectSessionAndReallyExcludes(TestDatabase db)
      throws Exception {
    try (PgBouncer bouncer = PgBouncer.startFor(db, 2);
        HerokuPostgres pooled = bouncer.herokuPostgres(db, 2);
        HerokuPostgres other = bouncer.herokuPostgres(db, 2)) {
      assertThat(pooled.jdbcSettings().connectionPooler()).isTrue();

      JobLock held = pooled.jobLocks().tryAcquire("deploy").orElseThrow();
      // the queries on the pool go through PgBouncer; the lock must stay with its session
      for (int i = 0; i < 5; i++) {
        try (Connection c = pooled.dataSource().getConnection();
            PreparedStatement s = c.prepareStatement("SELECT 1")) {
          s.execute();
        }
        assertThat(held.isHeld()).isTrue();
      }
      assertThat(other.jobLocks().tryAcquire("deploy")).isEmpty();
      assertThat(pooled.jobLocks().toString()).contains("DATABASE_URL")
          .doesNotContain(String.valueOf(bouncer.port()));

      held.close();
      assertThat(holderPid(db, "deploy")).isEqualTo(-1);
      try (JobLock again = other.jobLocks().tryAcquire("deploy").orElseThrow()) {
        assertThat(again.isHeld()).isTrue();
      }
    }
  }

  @Test
  void withOnlyThePoolersUrlItRefusesAndSaysWhy(TestDatabase db) {
    String poolUrl = db.url();
    try (HerokuPostgres pooled = HerokuPostgres.builder()
        .configVars(ConfigVars.of(Map.of("DATABASE_CONNECTION_POOL_URL", poolUrl)))
        .connectionPooler(true)
        .build()) {
      assertThatThrownBy(pooled::jobLocks)
          .isInstanceOf(MissingConfigVarException.class)
          .hasMessageStartingWith("DATABASE_URL is not set.")
          .hasMessageContaining("advisory locks")
          .hasMessageContaining("transaction mode")
          .hasMessageNotContaining(db.password().reveal());
    }
  }

  @Test
  void anUnreachableDatabaseIsATypedErrorWithoutThePassword(TestDatabase db) throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String url = "postgres://" + db.user() + ":" + db.password().reveal() + "@127.0.0.1:"
        + closedPort + "/" + db.name();
    try (HerokuPostgres postgres = HerokuPostgres.fromConfig(
        ConfigVars.of(Map.of("DATABASE_URL", url)))) {
      assertThatThrownBy(() -> postgres.jobLocks().runExclusively("backup", () -> { }))
          .isInstanceOf(JobLockException.class)
          .hasMessageContaining("DATABASE_URL")
          .hasMessageContaining("\"backup\"")
          .hasMessageNotContaining(db.password().reveal())
          .hasCauseInstanceOf(DatabaseConnectException.class);
    }
  }

  @Test
  void blankJobNamesAreRejected(TestDatabase db) {
    try (HerokuPostgres postgres = HerokuPostgres.fromConfig(db.configVars())) {
      assertThatThrownBy(() -> postgres.jobLocks().tryAcquire(" "))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
