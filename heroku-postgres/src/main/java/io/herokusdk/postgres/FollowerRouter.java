package io.herokusdk.postgres;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks where to read: the follower while its replication lag is at most {@code maxLag}, the
 * primary when the follower lags more, is not a replica, or cannot be reached. Get one from
 * {@link HerokuPostgres#followerRouter(String, Duration)}.
 *
 * <pre>{@code
 * FollowerRouter reads = postgres.followerRouter("HEROKU_POSTGRESQL_RED", Duration.ofSeconds(5));
 * try (Connection c = reads.dataSourceForReads().getConnection()) { ... }
 * }</pre>
 *
 * <p>The lag is probed on the calling thread, at most once per probe interval; no threads of its
 * own. Thread-safe. The pools belong to the {@link HerokuPostgres} that made the router.
 */
public final class FollowerRouter {
  private static final Logger log = LoggerFactory.getLogger(FollowerRouter.class);

  static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(5);

  private final PostgresDataSource follower;
  private final PostgresDataSource primary;
  private final Duration maxLag;
  private final long probeIntervalNanos;

  private @Nullable ReplicationStatus lastStatus;
  private boolean useFollower;
  private long lastProbeNanos;
  private boolean probed;

  FollowerRouter(PostgresDataSource follower, PostgresDataSource primary, Duration maxLag,
      Duration probeInterval) {
    this.follower = follower;
    this.primary = primary;
    this.maxLag = Objects.requireNonNull(maxLag, "maxLag == null");
    this.probeIntervalNanos = Objects.requireNonNull(probeInterval, "probeInterval").toNanos();
    if (maxLag.isNegative()) throw new IllegalArgumentException("maxLag is negative");
    if (probeInterval.isNegative()) throw new IllegalArgumentException("probeInterval < 0");
  }

  /**
   * Returns the follower if it is a replica within the lag threshold, else the primary.
   *
   * @return the follower's read-only pool or the primary's pool, as {@link #usesFollower()} says
   */
  public DataSource dataSourceForReads() {
    return usesFollower() ? follower : primary;
  }

  /**
   * Returns true if reads currently go to the follower, probing first if the probe is due.
   *
   * @return true if the last probe found a replica at most {@code maxLag} behind; false if it
   *     lagged more, was not a replica or could not be reached
   */
  public synchronized boolean usesFollower() {
    long now = System.nanoTime();
    if (!probed || now - lastProbeNanos >= probeIntervalNanos) {
      probeNow();
      lastProbeNanos = now;
      probed = true;
    }
    return useFollower;
  }

  /**
   * The status seen by the last probe, or null if the follower could not be reached.
   *
   * @return the last probe's status; null before the first probe or if the follower could not
   *     be reached
   */
  public synchronized @Nullable ReplicationStatus lastStatus() {
    return lastStatus;
  }

  /**
   * Probes the follower now and returns its status.
   *
   * @return the follower's status; it does not change where reads go
   * @throws SQLException if the follower cannot be reached
   */
  public ReplicationStatus probe() throws SQLException {
    return ReplicationStatus.probe(follower);
  }

  private void probeNow() {
    String name = follower.jdbcSettings().configVar();
    ReplicationStatus status;
    try {
      status = ReplicationStatus.probe(follower);
    } catch (SQLException e) {
      if (useFollower || !probed) {
        log.warn("{} cannot be reached ({}); reading from the primary until it can.", name,
            e.getClass().getSimpleName());
      }
      lastStatus = null;
      useFollower = false;
      return;
    }
    boolean wasUsingFollower = useFollower;
    lastStatus = status;
    if (status instanceof ReplicationStatus.Replica replica) {
      useFollower = replica.lag().compareTo(maxLag) <= 0;
      if (!useFollower && (wasUsingFollower || !probed)) {
        log.warn("{} is {} ms behind the primary, more than the allowed {} ms; reading from "
            + "the primary.", name, replica.lag().toMillis(), maxLag.toMillis());
      }
    } else {
      useFollower = false;
      if (wasUsingFollower || !probed) {
        log.warn("{} is not a replica (unfollowed or promoted?); reading from the primary.",
            name);
      }
    }
  }

  /** Names the follower and threshold. */
  @Override
  public String toString() {
    return "FollowerRouter[" + follower.jdbcSettings().configVar() + ", maxLag=" + maxLag + "]";
  }
}
