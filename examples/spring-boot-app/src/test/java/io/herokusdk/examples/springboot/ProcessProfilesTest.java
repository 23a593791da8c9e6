package io.herokusdk.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.herokusdk.mail.Mailer;
import io.herokusdk.redis.HerokuRedis;
import io.herokusdk.testing.TestDatabase;
import io.herokusdk.testing.TestRedis;
import io.herokusdk.testing.TestServices;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Procfile's processes are one jar with three profiles: {@code release} migrates and touches
 * nothing else, the web process never migrates, {@code worker} serves no HTTP.
 */
class ProcessProfilesTest {

  @Test
  void releaseMigratesWithoutConnectingToRedisOrTheMailer() throws Exception {
    try (TestDatabase db = TestServices.postgres().createDatabase()) {
      // Redis points at a closed port: the release phase must not need it
      try (ConfigurableApplicationContext context = app(db, closedRedisUrl(), "release")
          .run()) {
        assertThat(context.getBeanNamesForType(HerokuRedis.class)).isEmpty();
        assertThat(context.getBeanNamesForType(Mailer.class)).isEmpty();
        assertThat(context.getBeanFactory().containsSingleton("signupController")).isFalse();
        assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
      }
      assertThat(tables(db)).contains("users", "welcome_emails", "flyway_schema_history");
      // a second release finds nothing to do
      try (ConfigurableApplicationContext context = app(db, closedRedisUrl(), "release")
          .run()) {
        assertThat(context.isActive()).isTrue();
      }
    }
  }

  @Test
  void theWebProcessDoesNotMigrate() throws Exception {
    try (TestDatabase db = TestServices.postgres().createDatabase();
        TestRedis redis = TestServices.redis().createTestRedis("web");
        ConfigurableApplicationContext context = app(db, redis)
            .web(WebApplicationType.NONE).run()) {
      assertThat(context.getBean(HerokuRedis.class)).isNotNull();
      assertThat(context.containsBean("emailWorker")).isFalse();
      assertThat(tables(db)).doesNotContain("users", "flyway_schema_history");
    }
  }

  @Test
  void theWorkerRunsTheConsumerAndNoWebServer() throws Exception {
    try (TestDatabase db = TestServices.postgres().createDatabase();
        TestRedis redis = TestServices.redis().createTestRedis("worker");
        ConfigurableApplicationContext context = app(db, redis, "worker").run()) {
      assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
      assertThat(context.getBean(EmailWorker.class).isRunning()).isTrue();
    }
  }

  @Test
  void aFailedMigrationFailsTheRelease() throws Exception {
    String unreachable = "postgres://u:p@127.0.0.1:" + closedPort() + "/db";
    Throwable thrown = catchThrowable(() -> new SpringApplicationBuilder(SignupApplication.class)
        .profiles("release")
        .properties("DATABASE_URL=" + unreachable, "REDIS_URL=" + closedRedisUrl(),
            "heroku.dev-services.enabled=false", "DB_CONNECTION_TIMEOUT=2s")
        .run().close());
    assertThat(thrown).isNotNull();
  }

  private static SpringApplicationBuilder app(TestDatabase db, String redisUrl,
      String... profiles) {
    return new SpringApplicationBuilder(SignupApplication.class)
        .profiles(profiles)
        .properties("DATABASE_URL=" + db.url(), "REDIS_URL=" + redisUrl,
            "heroku.dev-services.enabled=false", "server.port=0");
  }

  private static SpringApplicationBuilder app(TestDatabase db, TestRedis redis,
      String... profiles) {
    List<String> properties = new ArrayList<>();
    redis.configVars().names().forEach(name ->
        properties.add(name + "=" + redis.configVars().get(name).orElseThrow()));
    properties.add("MAIL_ALLOW_CONSOLE=true");
    return app(db, "", profiles).properties(properties.toArray(String[]::new));
  }

  private static List<String> tables(TestDatabase db) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = db.jdbcConnection();
        ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
      while (rs.next()) names.add(rs.getString("TABLE_NAME"));
    }
    return names;
  }

  private static String closedRedisUrl() throws Exception {
    return "redis://127.0.0.1:" + closedPort();
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
