package io.herokusdk.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.core.InvalidConfigVarException;
import io.herokusdk.core.MissingConfigVarException;
import io.herokusdk.postgres.DatabaseAttachment.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Config vars to {@link JdbcSettings} and {@link PoolSizing}, without a server. */
class ConfigToJdbcTest {
  private static final String HOST = "ec2-1-2-3-4.compute-1.amazonaws.com";

  private static HerokuPostgres postgres(String... nameValuePairs) {
    Map<String, String> vars = new HashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      vars.put(nameValuePairs[i], nameValuePairs[i + 1]);
    }
    return HerokuPostgres.fromConfig(ConfigVars.of(vars));
  }

  private static JdbcSettings jdbc(String databaseUrl) {
    return postgres("DATABASE_URL", databaseUrl).jdbcSettings();
  }

  @Test
  void herokuUrlBecomesJdbcUrlWithoutCredentialsAndWithSslmodeRequire() {
    JdbcSettings settings = jdbc("postgres://u1abc:p4ss@" + HOST + ":5432/d9xyz");

    assertThat(settings.jdbcUrl())
        .isEqualTo("jdbc:postgresql://" + HOST + ":5432/d9xyz?sslmode=require");
    assertThat(settings.user()).contains("u1abc");
    assertThat(settings.password().orElseThrow().reveal()).isEqualTo("p4ss");
    assertThat(settings.toProperties()).containsEntry("user", "u1abc")
        .containsEntry("password", "p4ss");
    assertThat(settings.configVar()).isEqualTo("DATABASE_URL");
    assertThat(settings.connectionPooler()).isFalse();
  }

  @Test
  void postgresqlSchemeWorksToo() {
    assertThat(jdbc("postgresql://u:p@" + HOST + ":5433/db").jdbcUrl())
        .isEqualTo("jdbc:postgresql://" + HOST + ":5433/db?sslmode=require");
  }

  @Test
  void credentialsArePercentDecoded() {
    JdbcSettings settings = jdbc("postgres://us%40er:p%40ss%2Fw%3Ard@" + HOST + "/db");

    assertThat(settings.user()).contains("us@er");
    assertThat(settings.password().orElseThrow().reveal()).isEqualTo("p@ss/w:rd");
    assertThat(settings.jdbcUrl()).doesNotContain("us%40er").doesNotContain("p%40ss")
        .doesNotContain("p@ss");
  }

  @Test
  void defaultPortIs5432() {
    assertThat(jdbc("postgres://u:p@" + HOST + "/db").jdbcUrl())
        .startsWith("jdbc:postgresql://" + HOST + ":5432/db");
  }

  @Test
  void ipv6HostsAreBracketed() {
    assertThat(jdbc("postgres://u:p@[2001:db8::1]:5432/db").jdbcUrl())
        .isEqualTo("jdbc:postgresql://[2001:db8::1]:5432/db?sslmode=require");
  }

  @Test
  void localHostsGetNoSslmode() {
    assertThat(jdbc("postgres://u:p@localhost/db").jdbcUrl())
        .isEqualTo("jdbc:postgresql://localhost:5432/db");
    assertThat(jdbc("postgres://u:p@127.0.0.2:5432/db").jdbcUrl())
        .isEqualTo("jdbc:postgresql://127.0.0.2:5432/db");
    assertThat(jdbc("postgres://u:p@[::1]:5432/db").jdbcUrl())
        .isEqualTo("jdbc:postgresql://[::1]:5432/db");
  }

  @Test
  void explicitSslmodeIsKeptAsGiven() {
    assertThat(jdbc("postgres://u:p@" + HOST + "/db?sslmode=verify-full").parameter("sslmode"))
        .contains("verify-full");
    assertThat(jdbc("postgres://u:p@" + HOST + "/db?sslmode=disable").parameter("sslmode"))
        .contains("disable");
  }

  @Test
  void sslTrueIsNeverPassedOn() {
    JdbcSettings settings = jdbc("postgres://u:p@" + HOST + "/db?ssl=true");

    assertThat(settings.jdbcUrl()).doesNotContain("ssl=").contains("sslmode=require");
  }

  @Test
  void queryParametersPassThroughInOrder() {
    JdbcSettings settings =
        jdbc("postgres://u:p@" + HOST + "/db?connect_timeout=7&socketTimeout=30&foo=a%20b");

    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://" + HOST
        + ":5432/db?connectTimeout=7&socketTimeout=30&foo=a%20b&sslmode=require");
  }

  @Test
  void sensitiveQueryParametersGoToPropertiesNotTheUrl() {
    JdbcSettings settings = jdbc("postgres://u:p@" + HOST + "/db?sslpassword=k3y&sslkey=/app/k");

    assertThat(settings.jdbcUrl()).doesNotContain("k3y").contains("sslkey=%2Fapp%2Fk");
    assertThat(settings.toProperties()).containsEntry("sslpassword", "k3y");
  }

  @Test
  void applicationNameComesFromDyno() {
    JdbcSettings settings = postgres("DATABASE_URL", "postgres://u:p@" + HOST + "/db",
        "DYNO", "web.1").jdbcSettings();

    assertThat(settings.parameter("ApplicationName")).contains("web.1");
  }

  @Test
  void applicationNameInTheUrlWins() {
    JdbcSettings settings = postgres("DATABASE_URL",
        "postgres://u:p@" + HOST + "/db?application_name=mine", "DYNO", "web.1").jdbcSettings();

    assertThat(settings.parameter("ApplicationName")).contains("mine");
  }

  @Test
  void attachmentNamePicksItsVar() {
    HerokuPostgres analytics = HerokuPostgres.builder()
        .configVars(ConfigVars.of(Map.of("ANALYTICS_URL", "postgres://a:b@" + HOST + "/analytics")))
        .database("ANALYTICS")
        .build();

    assertThat(analytics.configVar()).isEqualTo("ANALYTICS_URL");
    assertThat(analytics.jdbcSettings().jdbcUrl()).contains("/analytics");
  }

  @Test
  void connectionPoolerUrlGetsTransactionModeSettings() {
    HerokuPostgres pooled = HerokuPostgres.builder()
        .configVars(ConfigVars.of(Map.of(
            "DATABASE_URL", "postgres://u:p@" + HOST + "/db",
            "DATABASE_CONNECTION_POOL_URL", "postgres://u:p@pooler.example.com:6000/db")))
        .connectionPooler(true)
        .build();

    JdbcSettings settings = pooled.jdbcSettings();
    assertThat(settings.configVar()).isEqualTo("DATABASE_CONNECTION_POOL_URL");
    assertThat(settings.connectionPooler()).isTrue();
    assertThat(settings.jdbcUrl()).startsWith("jdbc:postgresql://pooler.example.com:6000/db?");
    assertThat(settings.parameter("prepareThreshold")).contains("0");
  }

  @Test
  void connectionPoolerCanBeRequestedByConfigVar() {
    HerokuPostgres pooled = postgres("DATABASE_URL", "postgres://u:p@" + HOST + "/db",
        "DATABASE_CONNECTION_POOL_URL", "postgres://u:p@pooler.example.com:6000/db",
        "DB_USE_CONNECTION_POOL", "true");

    assertThat(pooled.jdbcSettings().parameter("prepareThreshold")).contains("0");
  }

  @Test
  void directUrlHasNoPoolerSettings() {
    assertThat(jdbc("postgres://u:p@" + HOST + "/db").parameter("prepareThreshold")).isEmpty();
  }

  @Test
  void missingPoolerVarSaysHowToAttachIt() {
    assertThatThrownBy(() -> HerokuPostgres.builder()
            .configVars(ConfigVars.of(Map.of("DATABASE_URL", "postgres://u:p@" + HOST + "/db")))
            .connectionPooler(true)
            .build())
        .isInstanceOf(MissingConfigVarException.class)
        .hasMessageContaining("DATABASE_CONNECTION_POOL_URL")
        .hasMessageContaining("pg:connection-pooling:attach");
  }

  @Test
  void buildpackJdbcVarsAreAccepted() {
    HerokuPostgres postgres = postgres(
        "JDBC_DATABASE_URL", "jdbc:postgresql://" + HOST + ":5432/db?sslmode=require",
        "JDBC_DATABASE_USERNAME", "ju",
        "JDBC_DATABASE_PASSWORD", "jp");

    JdbcSettings settings = postgres.jdbcSettings();
    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://" + HOST + ":5432/db?sslmode=require");
    assertThat(settings.user()).contains("ju");
    assertThat(settings.password().orElseThrow().reveal()).isEqualTo("jp");
  }

  @Test
  void buildpackJdbcUrlWithCredentialsInTheQueryHasThemMovedOut() {
    JdbcSettings settings = postgres("JDBC_DATABASE_URL",
        "jdbc:postgresql://" + HOST + ":5432/db?password=jp&sslmode=require&user=ju")
        .jdbcSettings();

    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://" + HOST + ":5432/db?sslmode=require");
    assertThat(settings.toProperties()).containsEntry("user", "ju").containsEntry("password", "jp");
  }

  @Test
  void databaseUrlWinsOverJdbcDatabaseUrl() {
    JdbcSettings settings = postgres("DATABASE_URL", "postgres://u:p@" + HOST + "/fromurl",
        "JDBC_DATABASE_URL", "jdbc:postgresql://other:5432/fromjdbc").jdbcSettings();

    assertThat(settings.jdbcUrl()).contains("/fromurl");
  }

  @Test
  void attachmentsTellThePrimaryFromOthers() {
    String primary = "postgres://u:p@" + HOST + "/primary";
    HerokuPostgres postgres = postgres(
        "DATABASE_URL", primary,
        "HEROKU_POSTGRESQL_RED_URL", primary,
        "HEROKU_POSTGRESQL_BLUE_URL", "postgres://u:p@follower.example.com/primary",
        "HEROKU_POSTGRESQL_BLUE_JDBC_URL", "jdbc:postgresql://follower.example.com/primary",
        "DATABASE_CONNECTION_POOL_URL", "postgres://u:p@pool.example.com/primary",
        "REDIS_URL", "redis://h:6379");

    assertThat(postgres.attachments()).containsExactly(
        new DatabaseAttachment("DATABASE_URL", Role.PRIMARY),
        new DatabaseAttachment("DATABASE_CONNECTION_POOL_URL", Role.CONNECTION_POOL),
        new DatabaseAttachment("HEROKU_POSTGRESQL_BLUE_URL", Role.OTHER),
        new DatabaseAttachment("HEROKU_POSTGRESQL_RED_URL", Role.PRIMARY));
    assertThat(postgres.followers()).containsExactly(
        new DatabaseAttachment("HEROKU_POSTGRESQL_BLUE_URL", Role.OTHER));
  }

  @Test
  void missingDatabaseUrlNamesItAndListsTheUrlVarsThatExist() {
    assertThatThrownBy(() -> postgres(
            "HEROKU_POSTGRESQL_RED_URL", "postgres://u:p@" + HOST + "/db",
            "REDIS_URL", "redis://h:6379",
            "PORT", "5000"))
        .isInstanceOf(MissingConfigVarException.class)
        .hasMessageContaining("DATABASE_URL is not set")
        .hasMessageContaining("HEROKU_POSTGRESQL_RED_URL")
        .hasMessageContaining("REDIS_URL")
        .hasMessageNotContaining("PORT")
        .satisfies(e -> assertThat(((MissingConfigVarException) e).relatedConfigVars())
            .containsExactly("HEROKU_POSTGRESQL_RED_URL", "REDIS_URL"));
  }

  @Test
  void malformedUrlNamesTheVarButNotThePassword() {
    assertThatThrownBy(() -> jdbc("postgres://user:s3cr3tpw@host:notaport/db"))
        .isInstanceOf(InvalidConfigVarException.class)
        .hasMessageContaining("DATABASE_URL")
        .hasMessageNotContaining("s3cr3tpw");
  }

  @Test
  void mysqlAndMariadbAreRejectedClearly() {
    for (String scheme : List.of("mysql", "mariadb")) {
      assertThatThrownBy(() -> jdbc(scheme + "://user:s3cr3tpw@host:3306/db"))
          .isInstanceOf(InvalidConfigVarException.class)
          .hasMessageContaining("DATABASE_URL is a " + scheme + "://")
          .hasMessageContaining("supports only postgres:// and postgresql://")
          .hasMessageNotContaining("s3cr3tpw");
    }
  }

  @Test
  void poolSizeIsDerivedFromTheConnectionLimitAndProcesses() {
    PoolSizing sizing = postgres("DATABASE_URL", "postgres://u:p@" + HOST + "/db",
        "DB_CONNECTION_LIMIT", "120", "DB_DYNO_COUNT", "4", "WEB_CONCURRENCY", "3").poolSizing();

    // (120 - 12 reserved) / 12 processes = 9
    assertThat(sizing.processes()).isEqualTo(12);
    assertThat(sizing.reservedConnections()).isEqualTo(12);
    assertThat(sizing.poolSize()).isEqualTo(9);
    assertThat(sizing.fitsConnectionLimit()).isTrue();
  }

  @Test
  void smallestPlanDefaultsKeepTheTotalUnderTheLimit() {
    PoolSizing sizing = postgres("DATABASE_URL", "postgres://u:p@" + HOST + "/db",
        "WEB_CONCURRENCY", "2").poolSizing();

    assertThat(sizing.connectionLimit()).isEqualTo(20);
    assertThat(sizing.poolSize()).isEqualTo(9); // (20 - 2) / 2
    assertThat(sizing.fitsConnectionLimit()).isTrue();
  }

  @Test
  void derivedPoolSizeIsCapped() {
    PoolSizing sizing = postgres("DATABASE_URL", "postgres://u:p@" + HOST + "/db",
        "DB_CONNECTION_LIMIT", "400").poolSizing();

    assertThat(sizing.poolSize()).isEqualTo(10);
  }

  @Test
  void explicitPoolSizeWinsAndBuilderWinsOverConfigVars() {
    assertThat(postgres("DATABASE_URL", "postgres://u:p@" + HOST + "/db",
        "DB_POOL_SIZE", "4").poolSizing().poolSize()).isEqualTo(4);
    HerokuPostgres built = HerokuPostgres.builder()
        .configVars(ConfigVars.of(Map.of("DATABASE_URL", "postgres://u:p@" + HOST + "/db",
            "DB_POOL_SIZE", "4", "DB_CONNECTION_LIMIT", "20")))
        .connectionLimit(120).processes(2).reservedConnections(0).poolSizeCap(100)
        .build();
    assertThat(built.poolSizing().poolSize()).isEqualTo(4);
    assertThat(built.toBuilder().maximumPoolSize(7).build().poolSizing().poolSize()).isEqualTo(7);
    HerokuPostgres derived = HerokuPostgres.builder()
        .configVars(ConfigVars.of(Map.of("DATABASE_URL", "postgres://u:p@" + HOST + "/db")))
        .connectionLimit(120).processes(2).reservedConnections(0).poolSizeCap(100)
        .build();
    assertThat(derived.poolSizing().poolSize()).isEqualTo(60);
  }

  @Test
  void invalidSizingVarsNameTheVar() {
    assertThatThrownBy(() -> postgres("DATABASE_URL", "postgres://u:p@" + HOST + "/db",
            "WEB_CONCURRENCY", "lots"))
        .isInstanceOf(InvalidConfigVarException.class)
        .hasMessageContaining("WEB_CONCURRENCY");
    assertThatThrownBy(() -> postgres("DATABASE_URL", "postgres://u:p@" + HOST + "/db",
            "DB_CONNECTION_LIMIT", "0"))
        .isInstanceOf(InvalidConfigVarException.class)
        .hasMessageContaining("DB_CONNECTION_LIMIT");
  }
}
