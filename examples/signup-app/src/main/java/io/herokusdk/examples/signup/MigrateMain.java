package io.herokusdk.examples.signup;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.postgres.HerokuPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Procfile's {@code release} process: runs the database migrations before a new release
 * starts. A non-zero exit makes Heroku abandon the release, so the old code keeps running.
 */
public final class MigrateMain {
  private static final Logger log = LoggerFactory.getLogger(MigrateMain.class);

  private MigrateMain() {}

  /** Migrates {@code DATABASE_URL}'s schema; exits 0 on success, 1 on failure. */
  public static void main(String[] args) {
    System.exit(run(ConfigVars.fromEnv()));
  }

  /** Migrates; returns the exit status. */
  static int run(ConfigVars config) {
    // Two connections: Flyway's lock and its work. No more, so release dynos stay cheap.
    try (HerokuPostgres postgres = HerokuPostgres.builder().configVars(config)
        .maximumPoolSize(2).minimumIdle(0).build()) {
      int executed = Migrations.migrate(postgres.dataSource());
      log.info("Database migrations done: {} applied", executed);
      return 0;
    } catch (RuntimeException e) {
      log.error("Database migrations failed: {}", e.getMessage(), e);
      return 1;
    }
  }
}
