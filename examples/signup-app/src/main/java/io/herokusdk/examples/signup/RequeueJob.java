package io.herokusdk.examples.signup;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.postgres.HerokuPostgres;
import io.herokusdk.redis.HerokuRedis;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job for Heroku Scheduler (every 10 minutes) that makes the {@code welcome_emails} table an
 * outbox: it queues again every welcome email still unsettled (neither sent nor given up)
 * {@code EMAIL_REQUEUE_AFTER} after it was queued, e.g. because Redis failed or the web process
 * died between the signup's commit and its enqueue. Each re-queue sets {@code queued_at} to now.
 *
 * <p>The wait is longer than the queue can still be working on an email, but an email may also
 * sit in a backlog, so this can queue a duplicate: the worker skips a message whose record is
 * already settled or claimed by another queue entry. Exits 0 on success, 1 on failure.
 *
 * <pre>
 * java -cp target/signup-app.jar io.herokusdk.examples.signup.RequeueJob
 * </pre>
 */
public final class RequeueJob {
  private static final Logger log = LoggerFactory.getLogger(RequeueJob.class);
  /** Rows claimed per statement. */
  static final int BATCH = 100;

  private RequeueJob() {}

  /** Runs the re-queue once and exits. */
  public static void main(String[] args) {
    System.exit(run(ConfigVars.fromEnv()));
  }

  /** Runs the re-queue once; returns the exit status. */
  static int run(ConfigVars config) {
    try (HerokuPostgres postgres = HerokuPostgres.builder().configVars(config)
            .maximumPoolSize(1).minimumIdle(0).build();
        HerokuRedis redis = HerokuRedis.fromConfig(config)) {
      AppSettings settings = AppSettings.from(config);
      int queued = requeue(new UserStore(postgres.dataSource()),
          new WelcomeEmails(redis, settings), settings.emailRequeueAfter());
      log.info("Re-queue: queued {} welcome email(s) unsettled more than {} after queueing",
          queued, settings.emailRequeueAfter());
      return 0;
    } catch (SQLException | RuntimeException e) {
      log.error("Re-queue failed (emails not queued are retried on a later run): {}",
          e.getMessage(), e);
      return 1;
    }
  }

  /** Claims and enqueues stale unsettled welcome emails, batch by batch; returns how many. */
  static int requeue(UserStore users, WelcomeEmails emails, Duration olderThan)
      throws SQLException {
    int queued = 0;
    while (true) {
      List<User> batch = users.claimStaleWelcomeEmails(olderThan, BATCH);
      for (User user : batch) {
        emails.enqueue(user);
        queued++;
      }
      if (batch.size() < BATCH) return queued;
    }
  }
}
