package io.herokusdk.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.herokusdk.api.Heroku;
import io.herokusdk.core.ConfigVars;
import io.herokusdk.mail.Mailer;
import io.herokusdk.postgres.HerokuPostgres;
import io.herokusdk.redis.HerokuRedis;
import io.herokusdk.spring.health.HerokuMailHealthIndicator;
import io.herokusdk.spring.health.HerokuPostgresHealthIndicator;
import io.herokusdk.spring.health.HerokuRedisHealthIndicator;
import io.herokusdk.testing.LogCapture;
import io.herokusdk.testing.SecretCanary;
import io.herokusdk.testing.TestDatabase;
import io.herokusdk.testing.TestRedis;
import io.herokusdk.testing.TestServices;
import io.herokusdk.testing.TraceLogging;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The database password, the Redis password and the API keys, planted in config vars, appear in
 * no bean's toString, health detail, exception, log line (at TRACE) or actuator env/configprops
 * output, even with values shown.
 */
@ExtendWith(TraceLogging.class)
class StarterCanaryTest {
  static final String SENDGRID_KEY = "SG." + SecretCanary.newSecret();
  static final String API_KEY = "HRKU-" + SecretCanary.newSecret();

  final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(HerokuCoreAutoConfiguration.class,
          HerokuPostgresAutoConfiguration.class, HerokuRedisAutoConfiguration.class,
          HerokuMailAutoConfiguration.class, HerokuApiAutoConfiguration.class,
          HerokuHealthAutoConfiguration.class, HerokuInfoAutoConfiguration.class,
          HerokuMetricsAutoConfiguration.class, DataRedisAutoConfiguration.class,
          ConfigurationPropertiesAutoConfiguration.class, EndpointAutoConfiguration.class,
          EnvironmentEndpointAutoConfiguration.class,
          ConfigurationPropertiesReportEndpointAutoConfiguration.class))
      .withPropertyValues("management.endpoint.env.show-values=always",
          "management.endpoint.configprops.show-values=always",
          "management.endpoints.web.exposure.include=env,configprops",
          "management.endpoints.jmx.exposure.include=env,configprops", "spring.jmx.enabled=true");

  @Test
  void noSecretLeaksFromBeansHealthLogsOrEndpoints() throws Exception {
    try (TestDatabase db = TestServices.postgres().createDatabase();
        TestRedis redis = TestServices.redis().createTestRedis("canary");
        LogCapture logs = LogCapture.start()) {
      List<Object> evidence = new ArrayList<>();
      runner.withPropertyValues("DATABASE_URL=" + db.url(),
              "HEROKU_POSTGRESQL_RED_URL=" + db.url().replace("127.0.0.1", "localhost"),
              "REDIS_URL=" + redis.tlsUrl(), "REDIS_TLS_URL=" + redis.tlsUrl(),
              "SENDGRID_API_KEY=" + SENDGRID_KEY, "HEROKU_API_KEY=" + API_KEY,
              "HEROKU_API_URL=http://127.0.0.1:9/")
          .run(context -> {
            assertThat(context).hasNotFailed();
            try (RedisConnection c = context.getBean(LettuceConnectionFactory.class)
                .getConnection()) {
              c.ping();
            }
            evidence.add(context.getBean(ConfigVars.class));
            evidence.add(context.getBean(HerokuPostgres.class));
            evidence.add(context.getBean(DataSource.class));
            evidence.add(context.getBean(HerokuRedis.class));
            evidence.add(context.getBean(LettuceConnectionFactory.class));
            evidence.add(context.getBean(Mailer.class));
            evidence.add(context.getBean(Heroku.class));
            evidence.add(context.getBean(HerokuPostgresHealthIndicator.class).health());
            evidence.add(context.getBean(HerokuRedisHealthIndicator.class).health());
            evidence.add(context.getBean(HerokuMailHealthIndicator.class).health());
            evidence.add(catchThrowable(() -> context.getBean(Heroku.class).apps().info("x")));
            evidence.add(describe(context.getBean(EnvironmentEndpoint.class).environment(null)));
            evidence.add(describe(context.getBean(ConfigurationPropertiesReportEndpoint.class)
                .configurationProperties()));
          });
      String envDump = evidence.get(evidence.size() - 2).toString();
      assertThat(envDump).as("the env endpoint shows values, URLs with their passwords masked")
          .contains("DATABASE_URL").contains(":****@127.0.0.1:" + db.port());
      for (String secret : List.of(db.password().reveal(), redis.password().reveal(),
          SENDGRID_KEY, API_KEY)) {
        SecretCanary.assertNoLeak(secret, evidence.toArray(), logs);
      }
    }
  }

  /** Every value under an endpoint's descriptor, by walking its getters into a string. */
  static String describe(Object descriptor) {
    StringBuilder out = new StringBuilder();
    walk(descriptor, out, 0);
    return out.toString();
  }

  private static void walk(Object value, StringBuilder out, int depth) {
    if (value == null || depth > 12) return;
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        out.append(k).append('=');
        walk(v, out, depth + 1);
        out.append('\n');
      });
    } else if (value instanceof Iterable<?> items) {
      items.forEach(item -> walk(item, out, depth + 1));
    } else if (value.getClass().getName().startsWith("org.springframework.boot.actuate")) {
      for (var method : value.getClass().getMethods()) {
        if (method.getParameterCount() == 0 && method.getName().startsWith("get")
            && method.getDeclaringClass() != Object.class) {
          try {
            walk(method.invoke(value), out, depth + 1);
          } catch (ReflectiveOperationException e) {
            out.append("<").append(method.getName()).append(" failed>");
          }
        }
      }
    } else {
      out.append(value).append(' ');
    }
  }
}
