package io.herokusdk.spring.health;

import io.herokusdk.redis.HerokuRedis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Heroku Key-Value Store health: UP when Redis answers PING on the SDK's shared connection.
 * Details: the config var and endpoint ({@code host:port}, no password), and on failure the
 * exception type.
 */
public final class HerokuRedisHealthIndicator implements HealthIndicator {
  private final HerokuRedis redis;

  /**
   * Checks {@code redis}.
   *
   * @param redis the client whose shared connection each health check PINGs
   */
  public HerokuRedisHealthIndicator(HerokuRedis redis) {
    this.redis = redis;
  }

  @Override
  public Health health() {
    Health.Builder health;
    try {
      String pong = redis.execute(commands -> commands.ping());
      health = "PONG".equalsIgnoreCase(pong) ? Health.up()
          : Health.down().withDetail("error", "unexpected PING reply");
    } catch (RuntimeException e) {
      health = Health.down().withDetail("error", e.getClass().getName());
    }
    return health.withDetail("configVar", redis.configVar())
        .withDetail("endpoint", redis.endpoint())
        .build();
  }
}
