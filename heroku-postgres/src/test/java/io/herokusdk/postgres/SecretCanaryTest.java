package io.herokusdk.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import io.herokusdk.core.ConfigVars;
import io.herokusdk.testing.LogCapture;
import io.herokusdk.testing.PostgresExtension;
import io.herokusdk.testing.SecretCanary;
import io.herokusdk.testing.TestDatabase;
import io.herokusdk.testing.TraceLogging;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A password planted in the config vars never appears in a toString(), an exception, a log line
 * or a JDBC URL the API returns, raw or percent-encoded.
 */
@ExtendWith({TraceLogging.class, PostgresExtension.class})
class SecretCanaryTest {
  private static final String HOST = "ec2-1-2-3-4.compute-1.amazonaws.com";

  @Test
  void passwordOfAWorkingDatabaseNeverLeaks(TestDatabase db) throws SQLException {
    String password = db.password().reveal();
    try (LogCapture logs = LogCapture.start();
        HerokuPostgres postgres = HerokuPostgres.fromConfig(ConfigVars.of(Map.of(
            "DATABASE_URL", db.url(),
            "HEROKU_POSTGRESQL_BLUE_URL", db.url(),
            "DYNO", "web.1")))) {
      PostgresDataSource dataSource = postgres.dataSource();
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("SELECT 1");
      }
      PostgresDataSource follower = postgres.readOnlyDataSource("HEROKU_POSTGRESQL_BLUE");
      FollowerRouter router = postgres.followerRouter("HEROKU_POSTGRESQL_BLUE",
          Duration.ofSeconds(1));
      router.dataSourceForReads();
      PostgresDiagnostics.Summary summary = postgres.diagnostics().summary();
      JdbcSettings settings = postgres.jdbcSettings();

      assertThat(settings.toProperties().getProperty("password")).isEqualTo(password);
      SecretCanary.assertNoLeak(password, postgres, settings, settings.jdbcUrl(),
          settings.parameters(), dataSource, follower, router, summary, postgres.poolSizing(),
          postgres.attachments(), dataSource.unwrap(HikariDataSource.class).getDataSource(),
          postgres.diagnostics(), logs);
    }
  }

  @Test
  void plantedPasswordNeverLeaksFromErrorsOrLogs(TestDatabase db) {
    String canary = SecretCanary.newSecret();
    String encoded = SecretCanary.percentEncode(canary);
    try (LogCapture logs = LogCapture.start()) {
      Throwable malformed = catchThrowable(() -> HerokuPostgres.fromConfig(ConfigVars.of(Map.of(
          "DATABASE_URL", "postgres://u:" + encoded + "@" + HOST + ":54x32/db"))));
      Throwable mysql = catchThrowable(() -> HerokuPostgres.fromConfig(ConfigVars.of(Map.of(
          "DATABASE_URL", "mysql://u:" + encoded + "@" + HOST + "/db"))));
      Throwable missing = catchThrowable(() -> HerokuPostgres.fromConfig(ConfigVars.of(Map.of(
          "HEROKU_POSTGRESQL_RED_URL", "postgres://u:" + encoded + "@" + HOST + "/db"))));
      Throwable badJdbc = catchThrowable(() -> HerokuPostgres.fromConfig(ConfigVars.of(Map.of(
          "JDBC_DATABASE_URL", "postgres://u:" + encoded + "@" + HOST + "/db"))));

      HerokuPostgres wrongPassword = HerokuPostgres.builder()
          .configVars(ConfigVars.of(Map.of("DATABASE_URL", "postgres://" + db.user() + ":" + encoded
              + "@127.0.0.1:" + db.port() + "/" + db.name() + "?sslpassword=" + encoded)))
          .connectionTimeout(Duration.ofMillis(500))
          .build();
      Throwable refused;
      JdbcSettings settings;
      try (wrongPassword) {
        settings = wrongPassword.jdbcSettings();
        refused = catchThrowable(() -> wrongPassword.dataSource().getConnection().close());
      }

      assertThat(malformed).isNotNull();
      assertThat(mysql).isNotNull();
      assertThat(missing).isNotNull();
      assertThat(badJdbc).isNotNull();
      assertThat(refused).isInstanceOf(SQLException.class);
      assertThat(settings.toProperties().getProperty("password")).isEqualTo(canary);
      SecretCanary.assertNoLeak(canary, malformed, mysql, missing, badJdbc, refused, settings,
          settings.jdbcUrl(), wrongPassword, logs);
    }
  }

  @Test
  void plantedPasswordNeverLeaksFromAnyConnectFailureReason(TestDatabase db) throws Exception {
    String canary = SecretCanary.newSecret();
    String encoded = SecretCanary.percentEncode(canary);
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    List<String> urls = List.of(
        "postgres://" + db.user() + ":" + encoded + "@127.0.0.1:" + db.port() + "/" + db.name(),
        // the server checks the password before the database: this one needs the real password
        "postgres://" + db.user() + ":" + SecretCanary.percentEncode(db.password().reveal())
            + "@127.0.0.1:" + db.port() + "/no_such_db",
        "postgres://" + db.user() + ":" + encoded + "@127.0.0.1:" + db.port() + "/" + db.name()
            + "?sslmode=verify-full",
        "postgres://" + db.user() + ":" + encoded + "@no-such-host.invalid:5432/db",
        "postgres://" + db.user() + ":" + encoded + "@127.0.0.1:" + closedPort + "/db");
    List<Object> evidence = new ArrayList<>();
    try (LogCapture logs = LogCapture.start()) {
      for (String url : urls) {
        try (HerokuPostgres postgres = HerokuPostgres.builder()
            .configVars(ConfigVars.of(Map.of("DATABASE_URL", url)))
            .connectionTimeout(Duration.ofMillis(500)).build()) {
          Throwable thrown = catchThrowable(() -> postgres.dataSource().getConnection().close());
          assertThat(thrown).as("connecting to the URL #" + urls.indexOf(url))
              .isInstanceOf(DatabaseConnectException.class);
          evidence.add(thrown);
          evidence.add(((DatabaseConnectException) thrown).reason());
        }
      }
      assertThat(evidence.stream().filter(DatabaseConnectException.Reason.class::isInstance))
          .as("every reason is a different one").doesNotHaveDuplicates().hasSize(urls.size());
      evidence.add(logs);
      SecretCanary.assertNoLeak(canary, evidence.toArray());
      SecretCanary.assertNoLeak(db.password(), evidence.toArray());
    }
  }
}
