package io.herokusdk.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.testing.PostgresExtension;
import io.herokusdk.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Read-only pools and the lag probe against a database that is not a replica. */
@ExtendWith(PostgresExtension.class)
class FollowersTest {

  private static HerokuPostgres withOtherAttachment(TestDatabase db) {
    return HerokuPostgres.fromConfig(ConfigVars.of(Map.of(
        "DATABASE_URL", db.url(),
        "HEROKU_POSTGRESQL_BLUE_URL", db.url() + (db.url().contains("?") ? "&" : "?")
            + "application_name=blue")));
  }

  @Test
  void readOnlyDataSourceRefusesWritesEvenInAutocommit(TestDatabase db) throws SQLException {
    try (HerokuPostgres postgres = withOtherAttachment(db)) {
      PostgresDataSource blue = postgres.readOnlyDataSource("HEROKU_POSTGRESQL_BLUE");
      assertThat(blue.isReadOnly()).isTrue();
      assertThat(postgres.readOnlyDataSource("HEROKU_POSTGRESQL_BLUE_URL")).isSameAs(blue);
      try (Connection connection = blue.getConnection();
          Statement statement = connection.createStatement()) {
        assertThat(connection.getAutoCommit()).isTrue();
        assertThatThrownBy(() -> statement.execute("CREATE TABLE nope (id int)"))
            .isInstanceOf(SQLException.class)
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25006"));
      }
    }
  }

  @Test
  void probeOnANonReplicaSaysSo(TestDatabase db) throws SQLException {
    try (HerokuPostgres postgres = HerokuPostgres.fromConfig(db.configVars())) {
      assertThat(ReplicationStatus.probe(postgres.dataSource()))
          .isEqualTo(new ReplicationStatus.NotAReplica());
    }
  }

  @Test
  void routerReadsFromThePrimaryWhenTheOtherDatabaseIsNotAReplica(TestDatabase db) {
    try (HerokuPostgres postgres = withOtherAttachment(db)) {
      FollowerRouter router = postgres.followerRouter("HEROKU_POSTGRESQL_BLUE",
          Duration.ofSeconds(5));

      assertThat(router.dataSourceForReads()).isSameAs(postgres.dataSource());
      assertThat(router.usesFollower()).isFalse();
      assertThat(router.lastStatus()).isInstanceOf(ReplicationStatus.NotAReplica.class);
    }
  }

  @Test
  void routerFallsBackToThePrimaryWhenTheFollowerIsUnreachable(TestDatabase db) {
    ConfigVars vars = ConfigVars.of(Map.of("DATABASE_URL", db.url(),
        "HEROKU_POSTGRESQL_GRAY_URL", "postgres://u:p@127.0.0.1:1/nothing"));
    try (HerokuPostgres postgres = HerokuPostgres.builder().configVars(vars)
        .connectionTimeout(Duration.ofMillis(300)).build()) {
      FollowerRouter router = postgres.followerRouter("HEROKU_POSTGRESQL_GRAY",
          Duration.ofSeconds(5));

      assertThat(router.dataSourceForReads()).isSameAs(postgres.dataSource());
      assertThat(router.lastStatus()).isNull();
    }
  }
}
