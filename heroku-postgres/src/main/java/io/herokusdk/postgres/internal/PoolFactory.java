package io.herokusdk.postgres.internal;

import com.zaxxer.hikari.HikariConfig;
import io.herokusdk.postgres.JdbcSettings;
import io.herokusdk.postgres.PoolSizing;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Builds the {@link HikariConfig} for a pool. */
public final class PoolFactory {
  private PoolFactory() {}

  /** Timeouts and idle settings, all already defaulted. */
  public record Timeouts(
      Duration connectionTimeout,
      Duration maxLifetime,
      Duration keepaliveTime,
      Duration idleTimeout,
      Duration leakDetectionThreshold,
      int minimumIdle) {}

  /**
   * Returns the HikariCP configuration; connections are opened through a data source that
   * records each attempt in {@code outcomes}. {@code customizer} (may be null) runs last.
   */
  public static HikariConfig hikariConfig(String poolName, JdbcSettings settings,
      PoolSizing sizing, Timeouts timeouts, boolean readOnly, ConnectOutcomes outcomes,
      @Nullable Consumer<HikariConfig> customizer) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(poolName);
    config.setDataSource(new PgDriverDataSource(settings, outcomes));
    config.setMaximumPoolSize(sizing.poolSize());
    config.setMinimumIdle(Math.min(timeouts.minimumIdle(), sizing.poolSize()));
    long connectionTimeout = timeouts.connectionTimeout().toMillis();
    config.setConnectionTimeout(connectionTimeout);
    config.setValidationTimeout(Math.max(250, Math.min(3_000, connectionTimeout - 1)));
    config.setMaxLifetime(timeouts.maxLifetime().toMillis());
    config.setKeepaliveTime(timeouts.keepaliveTime().toMillis());
    config.setIdleTimeout(timeouts.idleTimeout().toMillis());
    config.setLeakDetectionThreshold(timeouts.leakDetectionThreshold().toMillis());
    // Start without a connection: a database that is briefly down must not stop the app booting;
    // getConnection() reports it instead.
    config.setInitializationFailTimeout(-1);
    config.setReadOnly(readOnly);
    if (customizer != null) customizer.accept(config);
    return config;
  }
}
