package io.herokusdk.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.postgres.HerokuPostgres;
import io.herokusdk.testing.PostgresExtension;
import io.herokusdk.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresPoolMetricsTest {
  @Test
  void bindsHikarisMetersForAPostgresDataSource(TestDatabase db) throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (HerokuPostgres postgres = HerokuPostgres.fromConfig(db.configVars())) {
      new PostgresPoolMetrics(postgres.dataSource()).bindTo(registry);
      try (Connection c = postgres.dataSource().getConnection()) {
        c.createStatement().execute("SELECT 1");
      }
      assertThat(registry.get("hikaricp.connections.acquire").timer().count()).isPositive();
      assertThat(registry.get("hikaricp.connections.max").gauge().value())
          .isEqualTo((double) postgres.poolSizing().poolSize());
      // a second binder leaves the pool's registry as it is instead of failing
      new PostgresPoolMetrics(postgres.dataSource()).bindTo(new SimpleMeterRegistry());
    }
  }

  @Test
  void aDataSourceWithoutHikariIsAClearError() {
    assertThatThrownBy(() -> new PostgresPoolMetrics(new org.postgresql.ds.PGSimpleDataSource())
        .bindTo(new SimpleMeterRegistry()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not backed by HikariCP");
  }
}
