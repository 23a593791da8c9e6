package io.herokusdk.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokusdk.core.ConfigVars;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The lag probe and the follower router against a real streaming replica. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamingReplicaTest {
  private StreamingReplica servers;
  private HerokuPostgres postgres;

  @BeforeAll
  void start() throws Exception {
    servers = StreamingReplica.start();
    postgres = HerokuPostgres.fromConfig(ConfigVars.of(Map.of(
        "DATABASE_URL", servers.primaryUrl(),
        "HEROKU_POSTGRESQL_BLUE_URL", servers.replicaUrl())));
    execute(postgres.dataSource(), "CREATE TABLE events (id serial PRIMARY KEY, note text)");
    await(postgres.readOnlyDataSource("HEROKU_POSTGRESQL_BLUE"),
        "to_regclass('public.events') IS NOT NULL");
  }

  @AfterAll
  void stop() {
    if (postgres != null) postgres.close();
    if (servers != null) servers.close();
  }

  private static void execute(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static boolean queryBoolean(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getBoolean(1);
    }
  }

  private static void await(DataSource dataSource, String condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!queryBoolean(dataSource, "SELECT " + condition)) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out: " + condition);
      Thread.sleep(20);
    }
  }

  /** A replica connection that may pause replay (needs a non-read-only session). */
  private DataSource replicaAdmin() {
    return postgres.readOnlyDataSource("HEROKU_POSTGRESQL_BLUE");
  }

  @Test
  void lagProbeAndRouterFollowTheReplica() throws Exception {
    PostgresDataSource follower = postgres.readOnlyDataSource("HEROKU_POSTGRESQL_BLUE");
    FollowerRouter router = postgres.followerRouter("HEROKU_POSTGRESQL_BLUE",
        Duration.ofMillis(10), Duration.ZERO);

    execute(postgres.dataSource(), "INSERT INTO events (note) VALUES ('first')");
    await(follower, "EXISTS (SELECT 1 FROM events WHERE note = 'first')");
    await(follower, "pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()");

    ReplicationStatus caughtUp = ReplicationStatus.probe(follower);
    assertThat(caughtUp).isInstanceOf(ReplicationStatus.Replica.class);
    assertThat(((ReplicationStatus.Replica) caughtUp).lag()).isEqualTo(Duration.ZERO);
    assertThat(((ReplicationStatus.Replica) caughtUp).lastReplayedCommit()).isPresent();
    assertThat(router.dataSourceForReads()).isSameAs(follower);

    execute(replicaAdmin(), "SELECT pg_wal_replay_pause()");
    try {
      await(follower, "pg_get_wal_replay_pause_state() = 'paused'");
      execute(postgres.dataSource(), "INSERT INTO events (note) VALUES ('second')");
      await(follower, "pg_last_wal_receive_lsn() > pg_last_wal_replay_lsn()");
      Thread.sleep(50); // the last replayed commit ('first') is now at least this old

      ReplicationStatus behind = ReplicationStatus.probe(follower);
      assertThat(behind).isInstanceOf(ReplicationStatus.Replica.class);
      assertThat(((ReplicationStatus.Replica) behind).lag())
          .isGreaterThanOrEqualTo(Duration.ofMillis(50));
      assertThat(router.dataSourceForReads()).isSameAs(postgres.dataSource());
      assertThat(queryBoolean(follower, "SELECT EXISTS (SELECT 1 FROM events WHERE note = 'second')"))
          .isFalse();
    } finally {
      execute(replicaAdmin(), "SELECT pg_wal_replay_resume()");
    }

    await(follower, "EXISTS (SELECT 1 FROM events WHERE note = 'second')");
    await(follower, "pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()");
    assertThat(router.dataSourceForReads()).isSameAs(follower);
  }

  @Test
  void primaryIsNotAReplica() throws SQLException {
    assertThat(ReplicationStatus.probe(postgres.dataSource()))
        .isInstanceOf(ReplicationStatus.NotAReplica.class);
  }
}
