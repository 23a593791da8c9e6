package io.herokusdk.examples.signup;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies the Flyway migrations in {@code src/main/resources/db/migration}. */
final class Migrations {
  private Migrations() {}

  /** Migrates the schema to the latest version; returns how many migrations ran. */
  static int migrate(DataSource dataSource) {
    MigrateResult result = Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .load()
        .migrate();
    return result.migrationsExecuted;
  }
}
