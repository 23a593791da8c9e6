package io.herokusdk.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What a database says about replication: it is a replica (follower) with some lag, or it is
 * not a replica at all. Get one with {@link #probe(DataSource)}.
 */
public sealed interface ReplicationStatus {

  /**
   * The database is a streaming replica.
   *
   * @param lag how far behind the primary it is: zero when it has replayed everything it has
   *     received, else the time since the last replayed transaction committed on the primary
   * @param lastReplayedCommit when the last replayed transaction committed on the primary;
   *     empty if none has been replayed since the replica started
   */
  record Replica(Duration lag, Optional<Instant> lastReplayedCommit)
      implements ReplicationStatus {
    /**
     * Checks for nulls.
     *
     * @param lag how far behind the primary it is, zero or more; not null
     * @param lastReplayedCommit when the last replayed transaction committed on the primary, or
     *     empty; not null
     */
    public Replica {
      Objects.requireNonNull(lag, "lag == null");
      Objects.requireNonNull(lastReplayedCommit, "lastReplayedCommit == null");
    }
  }

  /**
   * The database is not in recovery: a primary, or a follower that was unfollowed or promoted.
   * Replication lag does not apply to it.
   */
  record NotAReplica() implements ReplicationStatus {}

  /**
   * Asks the database behind {@code dataSource} with {@code pg_is_in_recovery()},
   * {@code pg_last_wal_receive_lsn()}, {@code pg_last_wal_replay_lsn()} and
   * {@code pg_last_xact_replay_timestamp()}.
   *
   * @param dataSource the database to ask; one connection is borrowed and given back
   * @return a {@link Replica} with its lag if the database is in recovery, else
   *     {@link NotAReplica}
   * @throws SQLException if the database cannot be reached
   */
  static ReplicationStatus probe(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT pg_is_in_recovery(),"
            + " pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn(),"
            + " pg_last_xact_replay_timestamp(),"
            + " (extract(epoch FROM now() - pg_last_xact_replay_timestamp()) * 1000)::bigint")) {
      row.next();
      if (!row.getBoolean(1)) return new NotAReplica();
      boolean caughtUp = row.getBoolean(2);
      java.sql.Timestamp lastCommit = row.getTimestamp(3);
      long behindMillis = row.getLong(4);
      Optional<Instant> lastReplayed =
          lastCommit == null ? Optional.empty() : Optional.of(lastCommit.toInstant());
      Duration lag = caughtUp || lastCommit == null
          ? Duration.ZERO
          : Duration.ofMillis(Math.max(0, behindMillis));
      return new Replica(lag, lastReplayed);
    }
  }
}
