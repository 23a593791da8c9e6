package io.herokusdk.postgres;

import io.herokusdk.core.JobLock;
import io.herokusdk.core.JobLockException;
import io.herokusdk.core.JobLocks;
import io.herokusdk.postgres.internal.ConnectFailures;
import io.herokusdk.postgres.internal.ConnectOutcomes;
import io.herokusdk.postgres.internal.PgDriverDataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link JobLocks} on PostgreSQL session-level advisory locks ({@code pg_try_advisory_lock}),
 * from {@link HerokuPostgres#jobLocks()}.
 *
 * <pre>{@code
 * boolean ran = postgres.jobLocks().runExclusively("nightly-report", () -> report());
 * }</pre>
 *
 * <p>Each held lock keeps a connection of its own, opened directly to the database (never
 * through Heroku's PgBouncer, which runs in transaction mode where session locks do not work,
 * and outside the pool, so a long job does not hold a pooled connection). Postgres frees the
 * lock when that connection ends, so a run that crashes or whose dyno is killed frees it at
 * once; there is no expiry to tune. The key is {@link #advisoryKey(String)}. Thread-safe.
 */
public final class PostgresJobLocks implements JobLocks {
  private static final Logger log = LoggerFactory.getLogger(PostgresJobLocks.class);

  private final JdbcSettings settings;
  private final PgDriverDataSource connector;
  private final ConnectFailures failures;

  PostgresJobLocks(JdbcSettings settings, PoolSizing sizing) {
    this.settings = settings;
    this.connector = new PgDriverDataSource(settings, new ConnectOutcomes(settings));
    this.failures = new ConnectFailures(settings, sizing);
  }

  /**
   * The advisory-lock key of {@code job}: the first 8 bytes of the SHA-256 of its UTF-8 bytes,
   * big-endian, as a signed bigint. In SQL (PostgreSQL 11+): {@code ('x' ||
   * left(encode(sha256(convert_to(job, 'UTF8')), 'hex'), 16))::bit(64)::bigint}, e.g. to see
   * who holds it in {@code pg_locks}.
   *
   * @param job the job's name, not blank, like {@code nightly-report}
   * @return the key passed to {@code pg_try_advisory_lock(bigint)}; the same in every process
   * @throws IllegalArgumentException if {@code job} is blank
   */
  public static long advisoryKey(String job) {
    checkJob(job);
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(job.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
    long key = 0;
    for (int i = 0; i < 8; i++) key = (key << 8) | (digest[i] & 0xFF);
    return key;
  }

  /**
   * Takes the advisory lock on {@code job} on a new direct connection, without waiting.
   *
   * @throws JobLockException if the database cannot be reached; its cause is the
   *     {@link DatabaseConnectException} or {@link SQLException}
   */
  @Override
  public Optional<JobLock> tryAcquire(String job) {
    checkJob(job);
    long key = advisoryKey(job);
    Connection connection;
    try {
      connection = connector.getConnection();
    } catch (SQLException e) {
      SQLException explained = explain(e);
      throw new JobLockException("Could not connect to the database in " + settings.configVar()
          + " to lock job \"" + job + "\": " + explained.getMessage(), explained);
    }
    boolean locked = false;
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      statement.setLong(1, key);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        locked = row.getBoolean(1);
      }
    } catch (SQLException e) {
      throw new JobLockException("Could not lock job \"" + job + "\" in the database in "
          + settings.configVar() + ": " + e.getMessage(), e);
    } finally {
      if (!locked) closeQuietly(connection);
    }
    if (!locked) {
      log.info("Job {} is locked by another process (advisory lock {}); not running it", job,
          key);
      return Optional.empty();
    }
    log.debug("Locked job {} (advisory lock {})", job, key);
    return Optional.of(new Held(job, key, connection));
  }

  private SQLException explain(SQLException e) {
    if (e instanceof DatabaseConnectException) return e;
    return failures.exception(ConnectFailures.classify(e, settings), -1);
  }

  private static void checkJob(String job) {
    Objects.requireNonNull(job, "job == null");
    if (job.isBlank()) throw new IllegalArgumentException("the job name must not be blank");
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      log.debug("Closing a job lock connection: {}", e.getMessage());
    }
  }

  /** Names the config var the locks connect with. */
  @Override
  public String toString() {
    return "PostgresJobLocks[" + settings.configVar() + ", " + settings.jdbcUrl() + "]";
  }

  /** A held advisory lock and the connection whose session holds it. */
  private static final class Held implements JobLock {
    private final String job;
    private final long key;
    private final Connection connection;
    private final AtomicBoolean released = new AtomicBoolean();

    Held(String job, long key, Connection connection) {
      this.job = job;
      this.key = key;
      this.connection = connection;
    }

    @Override
    public String job() {
      return job;
    }

    @Override
    public boolean isHeld() {
      if (released.get()) return false;
      // A bigint key is stored as classid = high 32 bits, objid = low 32 bits, objsubid = 1.
      String sql = "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory'"
          + " AND pid = pg_backend_pid() AND granted AND objsubid = 1"
          + " AND classid::bigint = ? AND objid::bigint = ?)";
      synchronized (connection) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
          statement.setLong(1, key >>> 32);
          statement.setLong(2, key & 0xFFFF_FFFFL);
          try (ResultSet row = statement.executeQuery()) {
            return row.next() && row.getBoolean(1);
          }
        } catch (SQLException e) {
          log.warn("Job {}: the connection holding its lock failed, so the lock is gone: {}",
              job, e.getMessage());
          return false;
        }
      }
    }

    @Override
    public void close() {
      if (!released.compareAndSet(false, true)) return;
      synchronized (connection) {
        try (PreparedStatement statement =
            connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
          statement.setLong(1, key);
          try (ResultSet row = statement.executeQuery()) {
            if (row.next() && !row.getBoolean(1)) {
              log.warn("Job {}: the advisory lock was no longer held when released", job);
            }
          }
        } catch (SQLException e) {
          log.debug("Job {}: unlocking failed ({}); closing the session frees the lock", job,
              e.getMessage());
        } finally {
          closeQuietly(connection);
        }
      }
      log.debug("Released job {}", job);
    }

    @Override
    public String toString() {
      return "JobLock[" + job + ", advisory lock " + key + (released.get() ? ", released" : "")
          + "]";
    }
  }
}
