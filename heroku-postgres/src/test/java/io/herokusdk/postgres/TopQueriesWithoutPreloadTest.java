package io.herokusdk.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.postgres.PostgresDiagnostics.TopQueries;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code topQueries} on a server that does not preload pg_stat_statements although the extension
 * is installed in the database: a plain zonky server, whose defaults preload nothing.
 */
class TopQueriesWithoutPreloadTest {

  @Test
  void saysTheServerMustPreloadTheExtension() throws Exception {
    try (EmbeddedPostgres server = EmbeddedPostgres.builder()
        .setServerConfig("listen_addresses", "127.0.0.1")
        .setRegisterShutdownHook(false)
        .start()) {
      try (Connection connection = server.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE EXTENSION pg_stat_statements");
      }
      String url = "postgres://postgres@127.0.0.1:" + server.getPort() + "/postgres";
      try (HerokuPostgres postgres =
          HerokuPostgres.fromConfig(ConfigVars.of(Map.of("DATABASE_URL", url)))) {
        TopQueries top = postgres.diagnostics().topQueries(5);

        assertThat(top).isInstanceOf(TopQueries.Unavailable.class);
        assertThat(((TopQueries.Unavailable) top).reason())
            .contains("installed but the server does not load it")
            .contains("shared_preload_libraries");
        // the connection went back to the pool in a usable state
        try (Connection connection = postgres.dataSource().getConnection()) {
          assertThat(connection.isValid(1)).isTrue();
        }
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }
}
