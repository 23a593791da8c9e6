package io.herokusdk.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.postgres.DatabaseConnectException.Reason;
import io.herokusdk.testing.PostgresExtension;
import io.herokusdk.testing.PostgresServer;
import io.herokusdk.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code getConnection()} names the real reason a connection cannot be opened, the config var
 * and what to do, against the shared embedded server; permanent reasons come well before the
 * 30 s connection timeout, transient ones after it.
 */
@ExtendWith(PostgresExtension.class)
class ConnectFailureTest {
  /** Far above what a permanent failure may take, even on a loaded 2-core CI machine. */
  static final Duration LONG_TIMEOUT = Duration.ofSeconds(30);
  static final long AT_ONCE_MILLIS = 10_000;

  /** Connects through a pool for {@code url} with {@code timeout} and returns the failure. */
  static Failed connect(String url, Duration timeout) {
    try (HerokuPostgres postgres = HerokuPostgres.builder()
        .configVars(ConfigVars.of(Map.of("DATABASE_URL", url)))
        .connectionTimeout(timeout)
        .build()) {
      long started = System.nanoTime();
      Throwable thrown = catchThrowable(() -> postgres.dataSource().getConnection().close());
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertThat(thrown).isInstanceOf(DatabaseConnectException.class);
      return new Failed((DatabaseConnectException) thrown, millis);
    }
  }

  record Failed(DatabaseConnectException exception, long millis) {
    /** Asserts a permanent reason, reported at once. */
    Failed permanent(Reason reason) {
      assertThat(exception.reason()).isEqualTo(reason);
      assertThat(exception.isTransient()).isFalse();
      assertThat(exception.configVar()).isEqualTo("DATABASE_URL");
      assertThat(exception.getMessage())
          .startsWith("Could not connect to the database in DATABASE_URL (")
          .contains("Reported at once");
      assertThat(millis).as("ms until the failure, with a 30 s connection timeout")
          .isLessThan(AT_ONCE_MILLIS);
      return this;
    }

    Failed says(String... parts) {
      assertThat(exception.getMessage()).contains(parts);
      return this;
    }
  }

  private static String withQuery(TestDatabase db, String query) {
    return db.url() + (db.url().contains("?") ? "&" : "?") + query;
  }

  @Test
  void rotatedPasswordIsRejectedAtOnce(PostgresServer server) {
    // a database of its own: the class's database keeps its password for the other tests
    try (TestDatabase db = server.createDatabase()) {
      String oldUrl = db.url();
      String oldPassword = db.password().reveal();
      db.rotatePassword();

      Failed failed = connect(oldUrl, LONG_TIMEOUT)
          .permanent(Reason.PASSWORD_REJECTED)
          .says("the password in DATABASE_URL was rejected for user \"" + db.user() + "\"",
              "rotated", "heroku config:get DATABASE_URL");
      assertThat(failed.exception().getSQLState()).isEqualTo("28P01");
      assertThat(failed.exception().getMessage()).doesNotContain(oldPassword);
    }
  }

  @Test
  void missingDatabaseIsReportedAtOnce(TestDatabase db) {
    String url = db.url().replace("/" + db.name(), "/" + db.name() + "_gone");

    Failed failed = connect(url, LONG_TIMEOUT)
        .permanent(Reason.DATABASE_DOES_NOT_EXIST)
        .says("database \"" + db.name() + "_gone\" does not exist", "heroku config:get");
    assertThat(failed.exception().getSQLState()).isEqualTo("3D000");
  }

  @Test
  void untrustedCertificateUnderVerifyFullNamesTheSslmode(TestDatabase db) {
    // the embedded server's certificate is self-signed, like Heroku's are not publicly trusted
    connect(withQuery(db, "sslmode=verify-full"), LONG_TIMEOUT)
        .permanent(Reason.CERTIFICATE_NOT_TRUSTED)
        .says("sslmode=verify-full", "could not be verified", "use sslmode=require",
            "sslrootcert");
  }

  @Test
  void unknownHostIsReportedAtOnce(TestDatabase db) {
    String url = "postgres://" + db.user() + ":" + db.password().reveal()
        + "@db.heroku-sdk-test.invalid:5432/" + db.name();

    connect(url, LONG_TIMEOUT)
        .permanent(Reason.UNKNOWN_HOST)
        .says("the host \"db.heroku-sdk-test.invalid\" in DATABASE_URL is unknown", "DNS");
  }

  @Test
  void refusedIsTransientAndWaitsForTheTimeout(TestDatabase db) throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String url = "postgres://" + db.user() + ":" + db.password().reveal() + "@127.0.0.1:"
        + closedPort + "/" + db.name();

    Failed failed = connect(url, Duration.ofMillis(1_500));
    assertThat(failed.exception().reason()).isEqualTo(Reason.REFUSED);
    assertThat(failed.exception().isTransient()).isTrue();
    assertThat(failed.exception().getSQLState()).isEqualTo("08001");
    assertThat(failed.exception().getMessage())
        .contains("127.0.0.1:" + closedPort + " refused the connection", "restarting",
            "the pool keeps retrying", "Tried for 1500 ms")
        .doesNotContain("Reported at once");
    assertThat(failed.millis()).as("a transient failure waits for the timeout")
        .isGreaterThanOrEqualTo(1_400);
  }
}
