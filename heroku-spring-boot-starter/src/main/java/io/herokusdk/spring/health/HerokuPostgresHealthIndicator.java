package io.herokusdk.spring.health;

import io.herokusdk.postgres.DatabaseAttachment;
import io.herokusdk.postgres.HerokuPostgres;
import io.herokusdk.postgres.ReplicationStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Heroku Postgres health: UP when the primary answers; each follower is reported in the details
 * under its config var with {@code status} and, for a replica, {@code lagMillis} (heroku-postgres'
 * {@link ReplicationStatus#probe}: 0 when it has replayed all it received). A
 * follower that cannot be reached is reported, but only the primary decides the status. Details
 * name config vars and exception types, never URLs or passwords.
 */
public final class HerokuPostgresHealthIndicator implements HealthIndicator {
  private final HerokuPostgres postgres;

  /**
   * Checks {@code postgres}' primary and followers.
   *
   * @param postgres the client; each health check runs {@code SELECT 1} on its primary and
   *     probes each follower
   */
  public HerokuPostgresHealthIndicator(HerokuPostgres postgres) {
    this.postgres = postgres;
  }

  @Override
  public Health health() {
    Health.Builder health;
    try {
      query(postgres.dataSource(), "SELECT 1");
      health = Health.up();
    } catch (SQLException | RuntimeException e) {
      health = Health.down().withDetail("error", e.getClass().getName());
    }
    health.withDetail("database", postgres.configVar());
    Map<String, Object> followers = new LinkedHashMap<>();
    for (DatabaseAttachment follower : postgres.followers()) {
      followers.put(follower.configVar(), follower(follower.configVar()));
    }
    if (!followers.isEmpty()) health.withDetail("followers", followers);
    return health.build();
  }

  private Map<String, Object> follower(String configVar) {
    Map<String, Object> details = new LinkedHashMap<>();
    try {
      ReplicationStatus status = ReplicationStatus.probe(postgres.readOnlyDataSource(configVar));
      details.put("status", "UP");
      if (status instanceof ReplicationStatus.Replica replica) {
        details.put("lagMillis", replica.lag().toMillis());
      } else {
        details.put("replica", false);
      }
    } catch (SQLException | RuntimeException e) {
      details.put("status", "DOWN");
      details.put("error", e.getClass().getName());
    }
    return details;
  }

  private static void query(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
