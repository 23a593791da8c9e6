package io.herokusdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.core.InvalidConfigVarException;
import io.herokusdk.testing.internal.RespClient;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.TestAbortedException;

/**
 * TEST_DATABASE_URL / TEST_REDIS_URL, given as injected config vars, point at the shared embedded
 * servers as if they were servers run elsewhere.
 */
class ExternalServerOverrideTest {
  static final ConfigVars VARS =
      ConfigVars.of(
          Map.of(
              TestServices.TEST_DATABASE_URL, TestServices.postgres().adminUrl(),
              TestServices.TEST_REDIS_URL, TestServices.redis().url(0),
              TestServices.TEST_REDIS_TLS_URL, TestServices.redis().tlsUrl(0)));

  @RegisterExtension static final PostgresExtension postgres = PostgresExtension.using(VARS);
  @RegisterExtension static final RedisExtension redis = RedisExtension.using(VARS);

  @Test
  void freshDatabaseIsCreatedOnTheExternalServer(TestDatabase db, PostgresServer server)
      throws SQLException {
    assertThat(server.isEmbedded()).isFalse();
    assertThat(server.port()).isEqualTo(TestServices.postgres().port());
    assertThat(db.user()).isEqualTo("postgres"); // the URL's own user
    assertThat(db.name()).matches("d[a-z0-9]{13}");
    assertThat(db.url()).startsWith("postgres://postgres:").endsWith("/" + db.name());
    try (Connection c = db.jdbcConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_database()")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo(db.name());
    }
    assertThat(Admin.databaseExists(TestServices.postgres(), db.name()))
        .as("visible from the embedded server's own admin connection")
        .isTrue();
  }

  @Test
  void rotatingNeedsTheEmbeddedServer(TestDatabase db) {
    assertThatThrownBy(db::rotatePassword).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void userWithoutCreatedbGetsAClearError() {
    try (TestDatabase plain = TestServices.postgres().createDatabase()) {
      PostgresServer external =
          TestServices.postgres(ConfigVars.of(Map.of(TestServices.TEST_DATABASE_URL, plain.url())));
      assertThatThrownBy(external::createDatabase)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("CREATEDB")
          .hasMessageNotContaining(plain.password().reveal());
    }
  }

  @Test
  void externalRedisLendsIndexesThere(TestRedis lent, RedisServer server) throws IOException {
    assertThat(server.isEmbedded()).isFalse();
    assertThat(lent.port()).isEqualTo(TestServices.redis().port());
    assertThat(lent.tlsPort()).isEqualTo(TestServices.redis().tlsPort());
    try (RespClient client = Resp.connect(lent.tlsUrl(), RespClient.trustAllContext())) {
      assertThat(client.ping()).isEqualTo("PONG");
    }
    assertThatThrownBy(lent::caCertificatePem).isInstanceOf(TestAbortedException.class);
  }

  @Test
  void tlsOnlyExternalRedisHasNoPlainUrl() throws IOException {
    RedisServer tlsOnly =
        TestServices.redis(
            ConfigVars.of(Map.of(TestServices.TEST_REDIS_URL, TestServices.redis().tlsUrl(0))));
    assertThat(tlsOnly.hasPlain()).isFalse();
    assertThat(tlsOnly.hasTls()).isTrue();
    try (TestRedis lent = tlsOnly.createTestRedis("tls-only")) {
      assertThatThrownBy(lent::url).isInstanceOf(TestAbortedException.class);
      assertThat(lent.configVars().get("REDIS_URL")).contains(lent.tlsUrl());
      try (RespClient client = Resp.connect(lent.tlsUrl(), RespClient.trustAllContext())) {
        assertThat(client.ping()).isEqualTo("PONG");
      }
    }
  }

  @Test
  void wrongSchemeIsRejectedWithoutShowingTheUrl() {
    assertThatThrownBy(
            () ->
                TestServices.postgres(
                    ConfigVars.of(
                        Map.of(TestServices.TEST_DATABASE_URL, "mysql://u:sekrit123@host/db"))))
        .isInstanceOf(InvalidConfigVarException.class)
        .hasMessageNotContaining("sekrit123");
  }

  @Nested
  class NestedClass {
    @Test
    void sharesTheEnclosingDatabase(TestDatabase db) {
      assertThat(db.user()).isEqualTo("postgres");
    }
  }
}
