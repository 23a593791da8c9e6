package io.herokusdk.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokusdk.postgres.PostgresDataSource;
import io.herokusdk.redis.HerokuRedis;
import io.herokusdk.spring.test.HerokuTestServices;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(properties = "MAIL_ALLOW_CONSOLE=true")
@HerokuTestServices
class HerokuTestServicesTest {
  @SpringBootApplication
  static class App {}

  @Autowired DataSource dataSource;
  @Autowired HerokuRedis herokuRedis;
  @Autowired StringRedisTemplate redisTemplate;
  @Autowired Environment environment;

  @Test
  void theContextRunsOnFreshEmbeddedDatabases() {
    assertThat(dataSource).isInstanceOf(PostgresDataSource.class);
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.execute("CREATE TABLE signups (email text)");
    jdbc.update("INSERT INTO signups VALUES ('ada@example.com')");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM signups", Integer.class)).isEqualTo(1);

    redisTemplate.opsForValue().set("greeting", "hello");
    assertThat(herokuRedis.sync().get("greeting")).isEqualTo("hello");
    assertThat(environment.getProperty("REDIS_URL")).startsWith("rediss://");
    assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
  }
}
