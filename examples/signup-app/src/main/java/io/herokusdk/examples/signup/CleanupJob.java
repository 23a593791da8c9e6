package io.herokusdk.examples.signup;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.postgres.HerokuPostgres;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job for Heroku Scheduler: deletes welcome-email records settled (sent or given up) longer
 * than {@code DATA_RETENTION} ago (default 30 days). Exits 0 on success, 1 on failure, so the
 * Scheduler's log shows which runs failed.
 *
 * <pre>
 * java -cp target/signup-app.jar io.herokusdk.examples.signup.CleanupJob
 * </pre>
 */
public final class CleanupJob {
  private static final Logger log = LoggerFactory.getLogger(CleanupJob.class);

  private CleanupJob() {}

  /** Runs the cleanup once and exits. */
  public static void main(String[] args) {
    System.exit(run(ConfigVars.fromEnv()));
  }

  /** Runs the cleanup once; returns the exit status. */
  static int run(ConfigVars config) {
    try (HerokuPostgres postgres = HerokuPostgres.builder().configVars(config)
        .maximumPoolSize(1).minimumIdle(0).build()) {
      AppSettings settings = AppSettings.from(config);
      int deleted = new UserStore(postgres.dataSource())
          .deleteSettledWelcomeEmails(settings.retention());
      log.info("Cleanup: deleted {} welcome-email record(s) settled more than {} ago", deleted,
          settings.retention());
      return 0;
    } catch (SQLException | RuntimeException e) {
      log.error("Cleanup failed: {}", e.getMessage(), e);
      return 1;
    }
  }
}
