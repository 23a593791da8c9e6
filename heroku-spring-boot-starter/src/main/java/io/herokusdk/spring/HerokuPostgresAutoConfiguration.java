package io.herokusdk.spring;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.postgres.DatabaseAttachment;
import io.herokusdk.postgres.HerokuPostgres;
import io.herokusdk.postgres.PostgresDataSource;
import io.herokusdk.spring.internal.OnFollowerCondition;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Primary;

/**
 * Heroku Postgres: a {@link HerokuPostgres} and its pooled {@link DataSource} (TLS, pool sized to
 * the plan, the connection pooler when {@code DB_USE_CONNECTION_POOL=true}), when heroku-postgres
 * is on the classpath and {@code DATABASE_URL} is set, unless {@code spring.datasource.url} is set
 * or the application defines its own DataSource. The first follower becomes a read-only DataSource
 * qualified {@link HerokuFollower}. Runs before Spring Boot's DataSourceAutoConfiguration, which
 * then backs off.
 */
@AutoConfiguration(after = HerokuCoreAutoConfiguration.class,
    beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass({HerokuPostgres.class, DataSource.class})
@ConditionalOnConfigVar(value = "DATABASE_URL", unlessProperty = "spring.datasource.url")
public class HerokuPostgresAutoConfiguration {
  /** Creates the auto-configuration; Spring Boot does, when it applies. */
  public HerokuPostgresAutoConfiguration() {}

  /**
   * Reads {@code DATABASE_URL} and the DB_* config vars. Closed with the context.
   *
   * @param herokuConfigVars where {@code DATABASE_URL}, the {@code HEROKU_POSTGRESQL_*_URL}
   *     attachments and the DB_* vars are read
   * @return the client
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public HerokuPostgres herokuPostgres(ConfigVars herokuConfigVars) {
    return HerokuPostgres.fromConfig(herokuConfigVars);
  }

  /**
   * The primary database's pool.
   *
   * @param herokuPostgres the client whose {@code DATABASE_URL} pool to expose
   * @return {@code herokuPostgres.dataSource()}
   */
  @Bean
  @Primary
  @ConditionalOnMissingBean(DataSource.class)
  public PostgresDataSource dataSource(HerokuPostgres herokuPostgres) {
    return herokuPostgres.dataSource();
  }

  /**
   * The first follower's read-only pool, injected only where {@link HerokuFollower} asks for it.
   *
   * @param herokuPostgres the client whose first {@code followers()} entry to expose
   * @return a read-only pool on that follower's config var
   */
  @Bean(defaultCandidate = false)
  @HerokuFollower
  @Conditional(OnFollowerCondition.class)
  public PostgresDataSource herokuFollowerDataSource(HerokuPostgres herokuPostgres) {
    DatabaseAttachment follower = herokuPostgres.followers().get(0);
    return herokuPostgres.readOnlyDataSource(follower.configVar());
  }
}
