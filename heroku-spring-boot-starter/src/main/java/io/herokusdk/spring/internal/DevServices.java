package io.herokusdk.spring.internal;

import io.herokusdk.testing.TestDatabase;
import io.herokusdk.testing.TestRedis;
import io.herokusdk.testing.TestServices;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Starts heroku-testing's embedded servers for what the app uses and lacks a URL for. The servers
 * are shared by the JVM and stop when it exits; each call gets a fresh database and Redis index.
 */
public final class DevServices {
  private static final Logger log = LoggerFactory.getLogger(DevServices.class);
  private static final ClassLoader LOADER = DevServices.class.getClassLoader();

  private DevServices() {}

  /**
   * Starts what is missing and returns the config vars to add: {@code DATABASE_URL} if
   * heroku-postgres is present and it is unset, {@code REDIS_URL} and {@code REDIS_TLS_URL} if
   * heroku-redis is present and neither is set.
   */
  public static Map<String, Object> start(Environment environment) {
    Map<String, Object> vars = new LinkedHashMap<>();
    if (ClassUtils.isPresent("io.herokusdk.postgres.HerokuPostgres", LOADER)
        && unset(environment, "DATABASE_URL") && unset(environment, "spring.datasource.url")) {
      TestDatabase database = TestServices.postgres().createDatabase();
      vars.put("DATABASE_URL", database.url());
      log.info("Dev services: DATABASE_URL is embedded PostgreSQL {}", database);
    }
    if (ClassUtils.isPresent("io.herokusdk.redis.HerokuRedis", LOADER)
        && unset(environment, "REDIS_URL") && unset(environment, "REDIS_TLS_URL")
        && unset(environment, "spring.data.redis.url")
        && unset(environment, "spring.data.redis.host")) {
      TestRedis redis = TestServices.redis().createTestRedis("dev-services");
      redis.configVars().names().forEach(name ->
          vars.put(name, redis.configVars().get(name).orElseThrow()));
      log.info("Dev services: REDIS_URL is embedded Redis {}", redis);
    }
    return vars;
  }

  private static boolean unset(Environment environment, String name) {
    String value = environment.getProperty(name);
    return value == null || value.isBlank();
  }
}
