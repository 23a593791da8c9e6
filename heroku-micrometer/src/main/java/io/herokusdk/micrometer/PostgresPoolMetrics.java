package io.herokusdk.micrometer;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds HikariCP's own pool meters ({@code hikaricp.connections}, {@code
 * hikaricp.connections.active}, {@code .idle}, {@code .pending}, {@code .acquire}, {@code
 * .usage}, {@code .timeout} ..., tagged {@code pool}) for a heroku-postgres {@code
 * PostgresDataSource} or any DataSource that unwraps to a {@link HikariDataSource}.
 *
 * <pre>{@code
 * new PostgresPoolMetrics(postgres.dataSource()).bindTo(registry);
 * }</pre>
 *
 * <p>A Hikari pool takes one metrics registry for its lifetime: if the pool already has one (for
 * example Spring Boot bound it first), this binder leaves it as it is.
 */
public final class PostgresPoolMetrics implements MeterBinder {
  private static final Logger log = LoggerFactory.getLogger(PostgresPoolMetrics.class);

  private final DataSource dataSource;

  /**
   * Measures the pool behind {@code dataSource}.
   *
   * @param dataSource a heroku-postgres DataSource or any that unwraps to a
   *     {@link HikariDataSource}; checked when {@link #bindTo} is called, not here
   */
  public PostgresPoolMetrics(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * Registers the pool's meters in {@code registry}.
   *
   * @throws IllegalArgumentException if the DataSource is not backed by HikariCP
   */
  @Override
  public void bindTo(MeterRegistry registry) {
    HikariDataSource pool = hikari(dataSource);
    synchronized (pool) {
      if (pool.getMetricsTrackerFactory() != null || pool.getMetricRegistry() != null) {
        log.debug("Pool {} already reports metrics; left as it is", pool.getPoolName());
        return;
      }
      pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    }
  }

  private static HikariDataSource hikari(DataSource dataSource) {
    if (dataSource instanceof HikariDataSource hikari) return hikari;
    try {
      if (dataSource.isWrapperFor(HikariDataSource.class)) {
        return dataSource.unwrap(HikariDataSource.class);
      }
    } catch (SQLException e) {
      throw new IllegalArgumentException("Cannot unwrap " + dataSource.getClass().getName()
          + " to a HikariDataSource", e);
    }
    throw new IllegalArgumentException(dataSource.getClass().getName() + " is not backed by "
        + "HikariCP; PostgresPoolMetrics measures HikariCP pools (heroku-postgres' DataSources).");
  }
}
