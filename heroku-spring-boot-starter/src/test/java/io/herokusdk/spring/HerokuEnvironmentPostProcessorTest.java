package io.herokusdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class HerokuEnvironmentPostProcessorTest {
  final HerokuEnvironmentPostProcessor processor = new HerokuEnvironmentPostProcessor();

  static StandardEnvironment environment(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    return environment;
  }

  @Test
  void portBecomesServerPortAndShutdownIsGracefulWithinHerokusWindow() {
    StandardEnvironment env = environment(Map.of("PORT", "5123", "DYNO", "web.1"));
    processor.postProcessEnvironment(env, new SpringApplication());
    assertThat(env.getProperty("server.port")).isEqualTo("5123");
    assertThat(env.getProperty("server.shutdown")).isEqualTo("graceful");
    assertThat(DurationStyle.detectAndParse(
        env.getProperty("spring.lifecycle.timeout-per-shutdown-phase")))
        .isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void whatTheUserSetWins() {
    StandardEnvironment env = environment(Map.of("PORT", "5123", "DYNO", "web.1",
        "server.port", "8081", "server.shutdown", "immediate",
        "spring.lifecycle.timeout-per-shutdown-phase", "10s"));
    processor.postProcessEnvironment(env, new SpringApplication());
    assertThat(env.getProperty("server.port")).isEqualTo("8081");
    assertThat(env.getProperty("server.shutdown")).isEqualTo("immediate");
    assertThat(env.getProperty("spring.lifecycle.timeout-per-shutdown-phase")).isEqualTo("10s");
  }

  @Test
  void devServicesStartEmbeddedServersWhenNoUrlIsSet() throws Exception {
    StandardEnvironment env = environment(Map.of("heroku.dev-services.enabled", "true"));
    processor.postProcessEnvironment(env, new SpringApplication());
    String url = env.getProperty("DATABASE_URL");
    assertThat(url).startsWith("postgres://");
    assertThat(env.getProperty("REDIS_URL")).startsWith("rediss://");
    var postgres = io.herokusdk.postgres.HerokuPostgres.fromConfig(SpringConfigVars.from(env));
    try (postgres; Connection c = postgres.dataSource().getConnection()) {
      assertThat(c.isValid(5)).isTrue();
    }
  }

  @Test
  void devServicesAreOffOnADyno() {
    StandardEnvironment env = environment(Map.of("DYNO", "web.1", "MAIL_ALLOW_CONSOLE", "true"));
    processor.postProcessEnvironment(env, new SpringApplication());
    assertThat(env.getProperty("DATABASE_URL")).isNull();
    assertThat(env.getProperty("REDIS_URL")).isNull();
  }

  @Test
  void devServicesLeaveAGivenUrlAlone() {
    StandardEnvironment env = environment(Map.of("DATABASE_URL", "postgres://u:p@db.example:5432/d",
        "REDIS_URL", "redis://:p@redis.example:6379"));
    processor.postProcessEnvironment(env, new SpringApplication());
    assertThat(env.getProperty("DATABASE_URL")).isEqualTo("postgres://u:p@db.example:5432/d");
    assertThat(env.getProperty("REDIS_TLS_URL")).isNull();
  }
}
