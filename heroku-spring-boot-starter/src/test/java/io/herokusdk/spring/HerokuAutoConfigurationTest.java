package io.herokusdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokusdk.api.Heroku;
import io.herokusdk.mail.Email;
import io.herokusdk.mail.Mailer;
import io.herokusdk.micrometer.ApiMetrics;
import io.herokusdk.micrometer.MailMetrics;
import io.herokusdk.micrometer.PostgresPoolMetrics;
import io.herokusdk.postgres.HerokuPostgres;
import io.herokusdk.postgres.PostgresDataSource;
import io.herokusdk.redis.HerokuRedis;
import io.herokusdk.spring.health.HerokuMailHealthIndicator;
import io.herokusdk.spring.health.HerokuPostgresHealthIndicator;
import io.herokusdk.spring.health.HerokuRedisHealthIndicator;
import io.herokusdk.spring.info.HerokuInfoContributor;
import io.herokusdk.testing.TestDatabase;
import io.herokusdk.testing.TestRedis;
import io.herokusdk.testing.TestServices;
import io.herokusdk.testing.herokuapi.FakeHerokuApi;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

class HerokuAutoConfigurationTest {
  static TestDatabase db;
  static TestDatabase follower;
  static TestRedis redis;

  final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(HerokuCoreAutoConfiguration.class,
          HerokuPostgresAutoConfiguration.class, HerokuRedisAutoConfiguration.class,
          HerokuMailAutoConfiguration.class, HerokuApiAutoConfiguration.class,
          HerokuHealthAutoConfiguration.class, HerokuInfoAutoConfiguration.class,
          HerokuMetricsAutoConfiguration.class, DataRedisAutoConfiguration.class));
  /** With Spring Boot's own DataSource auto-configuration, which must back off or take over. */
  final ApplicationContextRunner withBootJdbc =
      runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class));

  @BeforeAll
  static void servers() {
    db = TestServices.postgres().createDatabase();
    follower = TestServices.postgres().createDatabase();
    redis = TestServices.redis().createTestRedis("starter");
  }

  @AfterAll
  static void close() {
    db.close();
    follower.close();
    redis.close();
  }

  static String[] vars(Map<String, String> vars) {
    return vars.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
  }

  // ------------------------------------------------------------------ Postgres

  @Test
  void databaseUrlGivesTheHerokuDataSourceOverTls() {
    withBootJdbc.withPropertyValues("DATABASE_URL=" + db.url()).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).hasSingleBean(HerokuPostgres.class);
      DataSource dataSource = context.getBean(DataSource.class);
      assertThat(dataSource).isInstanceOf(PostgresDataSource.class);
      try (Connection c = dataSource.getConnection();
          ResultSet row = c.createStatement().executeQuery(
              "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
        row.next();
        assertThat(row.getBoolean(1)).as("connected over TLS").isTrue();
      }
    });
  }

  @Test
  void noDatabaseUrlMeansNoHerokuDataSource() {
    runner.run(context -> {
      assertThat(context).doesNotHaveBean(HerokuPostgres.class);
      assertThat(context).doesNotHaveBean(PostgresDataSource.class);
    });
  }

  @Test
  void springDatasourceUrlWinsAndBootBuildsTheDataSource() {
    withBootJdbc.withPropertyValues("DATABASE_URL=" + db.url(), "spring.datasource.url=" + db.jdbcUrl(),
            "spring.datasource.username=" + db.user(),
            "spring.datasource.password=" + db.password().reveal())
        .run(context -> {
          assertThat(context).doesNotHaveBean(HerokuPostgres.class);
          assertThat(context).hasSingleBean(DataSource.class);
          assertThat(context.getBean(DataSource.class))
              .isNotInstanceOf(PostgresDataSource.class);
        });
  }

  @Test
  void theJavaBuildpacksCopyOfDatabaseUrlDoesNotMakeTheStarterBackOff() {
    // what heroku/java's jdbc.sh exports on every dyno: SPRING_DATASOURCE_* from DATABASE_URL
    String jdbcUrl = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "user="
        + db.user() + "&password=" + db.password().reveal();
    withBootJdbc.withPropertyValues("DATABASE_URL=" + db.url(), "JDBC_DATABASE_URL=" + jdbcUrl,
            "SPRING_DATASOURCE_URL=" + jdbcUrl, "spring.datasource.url=" + jdbcUrl,
            "SPRING_DATASOURCE_USERNAME=" + db.user(),
            "SPRING_DATASOURCE_PASSWORD=" + db.password().reveal())
        .run(context -> {
          assertThat(context).hasSingleBean(HerokuPostgres.class);
          assertThat(context.getBean(DataSource.class)).isInstanceOf(PostgresDataSource.class);
        });
  }

  @Test
  void theJavaBuildpacksCopyOfRedisUrlDoesNotMakeTheStarterBackOff() {
    runner.withPropertyValues("REDIS_URL=" + redis.url(), "spring.data.redis.url=" + redis.url())
        .run(context -> assertThat(context).hasSingleBean(HerokuRedis.class));
  }

  @Test
  void aUserDataSourceWins() {
    runner.withPropertyValues("DATABASE_URL=" + db.url())
        .withBean("myDataSource", DataSource.class,
            () -> HerokuPostgres.fromConfig(db.configVars()).dataSource())
        .run(context -> {
          assertThat(context).hasSingleBean(DataSource.class);
          assertThat(context).hasBean("myDataSource");
        });
  }

  @Test
  void withoutHerokuPostgresOnTheClasspathNothingIsConfigured() {
    runner.withPropertyValues("DATABASE_URL=" + db.url())
        .withClassLoader(new FilteredClassLoader(HerokuPostgres.class))
        .run(context -> assertThat(context).doesNotHaveBean("herokuPostgres"));
  }

  static class FollowerUser {
    @Autowired DataSource primary;
    @Autowired @HerokuFollower DataSource follower;
  }

  @Test
  void aFollowerIsAQualifiedReadOnlyDataSourceAndReportedInHealth() {
    runner.withPropertyValues("DATABASE_URL=" + db.url(),
            "HEROKU_POSTGRESQL_RED_URL=" + follower.url())
        .withBean(FollowerUser.class)
        .run(context -> {
          FollowerUser user = context.getBean(FollowerUser.class);
          assertThat(user.primary).isSameAs(context.getBean("dataSource"));
          assertThat(((PostgresDataSource) user.follower).isReadOnly()).isTrue();
          assertThat(((PostgresDataSource) user.follower).jdbcSettings().configVar())
              .isEqualTo("HEROKU_POSTGRESQL_RED_URL");

          var health = context.getBean(HerokuPostgresHealthIndicator.class).health();
          assertThat(health.getStatus()).isEqualTo(Status.UP);
          @SuppressWarnings("unchecked")
          Map<String, Map<String, Object>> followers =
              (Map<String, Map<String, Object>>) health.getDetails().get("followers");
          // the test "follower" is a primary, so it says it is no replica
          assertThat(followers.get("HEROKU_POSTGRESQL_RED_URL"))
              .containsEntry("status", "UP").containsEntry("replica", false);
        });
  }

  @Test
  void postgresHealthIsDownWhenTheDatabaseIsUnreachable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    runner.withPropertyValues(
            "DATABASE_URL=postgres://u:p@127.0.0.1:" + closedPort + "/nothing",
            "DB_CONNECTION_TIMEOUT=1s")
        .run(context -> {
          var health = context.getBean(HerokuPostgresHealthIndicator.class).health();
          assertThat(health.getStatus()).isEqualTo(Status.DOWN);
          assertThat(health.getDetails()).containsEntry("database", "DATABASE_URL");
        });
  }

  @Test
  void poolMetricsAppearInTheRegistryAfterUse() {
    runner.withPropertyValues("DATABASE_URL=" + db.url()).run(context -> {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      context.getBean(PostgresPoolMetrics.class).bindTo(registry);
      try (Connection c = context.getBean(DataSource.class).getConnection()) {
        c.createStatement().execute("SELECT 1");
      }
      assertThat(registry.find("hikaricp.connections.acquire").timer()).isNotNull();
      assertThat(registry.find("hikaricp.connections.acquire").timer().count()).isPositive();
    });
  }

  // ------------------------------------------------------------------ Redis

  @Test
  void redisTlsUrlGivesHerokuRedisAndALettuceFactoryOverTls() {
    runner.withPropertyValues(vars(Map.of("REDIS_URL", redis.tlsUrl(),
            "REDIS_TLS_URL", redis.tlsUrl())))
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).hasSingleBean(HerokuRedis.class);
          LettuceConnectionFactory factory = context.getBean(LettuceConnectionFactory.class);
          assertThat(factory.isUseSsl()).isTrue();
          assertThat(factory.getDatabase()).isEqualTo(redis.dbIndex());
          try (RedisConnection connection = factory.getConnection()) {
            connection.stringCommands().set("k".getBytes(), "v".getBytes());
          }
          assertThat(context.getBean(HerokuRedis.class).sync().get("k")).isEqualTo("v");
          assertThat(context.getBean(HerokuRedisHealthIndicator.class).health().getStatus())
              .isEqualTo(Status.UP);
        });
  }

  @Test
  void plainRedisUrlWorksToo() {
    runner.withPropertyValues("REDIS_URL=" + redis.url()).run(context -> {
      LettuceConnectionFactory factory = context.getBean(LettuceConnectionFactory.class);
      assertThat(factory.isUseSsl()).isFalse();
      try (RedisConnection connection = factory.getConnection()) {
        assertThat(connection.ping()).isEqualTo("PONG");
      }
    });
  }

  @Test
  void springDataRedisPropertiesWin() {
    runner.withPropertyValues("REDIS_URL=" + redis.url(), "spring.data.redis.host=127.0.0.1",
            "spring.data.redis.port=" + redis.port(),
            "spring.data.redis.password=" + redis.password().reveal())
        .run(context -> {
          assertThat(context).doesNotHaveBean(HerokuRedis.class);
          assertThat(context.getBean(RedisConnectionFactory.class))
              .isInstanceOf(LettuceConnectionFactory.class);
          assertThat(context.getBean(LettuceConnectionFactory.class).getClass())
              .isEqualTo(LettuceConnectionFactory.class);
        });
  }

  @Test
  void noRedisUrlMeansNoHerokuRedis() {
    runner.run(context -> assertThat(context).doesNotHaveBean(HerokuRedis.class));
  }

  @Test
  void withoutSpringDataRedisOnlyHerokuRedisIsConfigured() {
    runner.withPropertyValues("REDIS_URL=" + redis.url())
        .withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
        .run(context -> {
          assertThat(context).hasSingleBean(HerokuRedis.class);
          assertThat(context).doesNotHaveBean("redisConnectionFactory");
        });
  }

  @Test
  void redisHealthIsDownWhenTheServerStops() {
    try (var dedicated = TestServices.dedicatedRedis();
        TestRedis index = dedicated.createTestRedis("down")) {
      runner.withPropertyValues("REDIS_URL=" + index.url(), "REDIS_COMMAND_TIMEOUT=1s")
          .run(context -> {
            var indicator = context.getBean(HerokuRedisHealthIndicator.class);
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
            dedicated.stop();
            assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
          });
    }
  }

  // ------------------------------------------------------------------ mail and API

  @Test
  void aMailerIsConfiguredAndCountsItsSends() {
    runner.run(context -> {
      Mailer mailer = context.getBean(Mailer.class);
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      context.getBean(MailMetrics.class).bindTo(registry);
      mailer.send(Email.builder().from("a@example.com").to("b@example.com").subject("hi")
          .text("hello").build());
      assertThat(registry.get(MailMetrics.SENDS).tag("outcome", "sent").tag("provider", "console")
          .functionCounter().count()).isEqualTo(1);
      assertThat(context.getBean(HerokuMailHealthIndicator.class).health().getDetails())
          .containsEntry("provider", "console");
    });
  }

  @Test
  void sendGridKeyPicksSendGridAndHealthNamesItWithoutTheKey() {
    runner.withPropertyValues("SENDGRID_API_KEY=SG.secret-key-value").run(context -> {
      var health = context.getBean(HerokuMailHealthIndicator.class).health();
      assertThat(health.getDetails()).containsEntry("provider", "sendgrid");
      assertThat(health.toString()).doesNotContain("secret-key-value");
    });
  }

  @Test
  void aUserMailerWins() {
    runner.withBean("myMailer", Mailer.class, io.herokusdk.mail.InMemoryOutbox::new)
        .run(context -> {
          assertThat(context).hasSingleBean(Mailer.class);
          assertThat(context).doesNotHaveBean(MailMetrics.class);
        });
  }

  @Test
  void herokuApiKeyGivesAClientWhoseRequestsAreTimed() {
    try (FakeHerokuApi fake = FakeHerokuApi.start()) {
      fake.addApp("my-app");
      runner.withPropertyValues("HEROKU_API_KEY=" + fake.token(),
              "HEROKU_API_URL=" + fake.baseUrl())
          .run(context -> {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(ApiMetrics.class).bindTo(registry);
            context.getBean(Heroku.class).apps().info("my-app");
            assertThat(registry.get(ApiMetrics.REQUESTS).tag("status", "200").timer().count())
                .isEqualTo(1);
            assertThat(registry.get(ApiMetrics.RATE_LIMIT_REMAINING).gauge().value())
                .isPositive();
          });
    }
  }

  @Test
  void noApiKeyMeansNoClient() {
    runner.run(context -> assertThat(context).doesNotHaveBean(Heroku.class));
  }

  // ------------------------------------------------------------------ info

  @Test
  void infoShowsDynoMetadata() {
    runner.withPropertyValues("DYNO=web.1", "HEROKU_RELEASE_VERSION=v42",
            "HEROKU_SLUG_COMMIT=abc123", "MAIL_ALLOW_CONSOLE=true")
        .run(context -> {
          Info.Builder builder = new Info.Builder();
          context.getBean(HerokuInfoContributor.class).contribute(builder);
          assertThat(builder.build().getDetails()).containsEntry("heroku",
              Map.of("dyno", "web.1", "releaseVersion", "v42", "slugCommit", "abc123"));
        });
  }
}
