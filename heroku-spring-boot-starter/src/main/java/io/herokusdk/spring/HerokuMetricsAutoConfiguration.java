package io.herokusdk.spring;

import io.herokusdk.micrometer.PostgresPoolMetrics;
import io.herokusdk.postgres.PostgresDataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * HikariCP pool meters for the Heroku Postgres DataSource ({@link PostgresPoolMetrics}, a
 * MeterBinder that Spring Boot's metrics support binds to every MeterRegistry). Mail and Platform
 * API meters come with their beans; Lettuce's command latency with the RedisConnectionFactory.
 */
@AutoConfiguration(after = HerokuPostgresAutoConfiguration.class)
@ConditionalOnClass(name = {"io.herokusdk.micrometer.PostgresPoolMetrics",
    "io.herokusdk.postgres.PostgresDataSource", "io.micrometer.core.instrument.MeterRegistry",
    "com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory"})
public class HerokuMetricsAutoConfiguration {
  /** Creates the auto-configuration; Spring Boot does, when it applies. */
  public HerokuMetricsAutoConfiguration() {}

  /**
   * Binds the primary pool's meters ({@code hikaricp.connections...}, tag {@code pool}).
   *
   * @param dataSource the primary pool; a follower's pool is not measured
   * @return the binder; it leaves a pool that already reports metrics as it is
   */
  @Bean
  @ConditionalOnBean(PostgresDataSource.class)
  @ConditionalOnMissingBean
  public PostgresPoolMetrics herokuPostgresPoolMetrics(PostgresDataSource dataSource) {
    return new PostgresPoolMetrics(dataSource);
  }
}
