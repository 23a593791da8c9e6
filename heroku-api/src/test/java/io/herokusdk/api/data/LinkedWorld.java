package io.herokusdk.api.data;

import io.herokusdk.api.FastRetries;
import io.herokusdk.api.Heroku;
import io.herokusdk.api.SchemaCheckedFake;
import io.herokusdk.api.model.AddOnCreateRequest;
import io.herokusdk.core.ServiceUrl;
import io.herokusdk.testing.ManualClock;
import io.herokusdk.testing.TestServices;
import io.herokusdk.testing.herokuapi.FakeDataApi;
import io.herokusdk.testing.herokuapi.FakeHerokuApi;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fake Platform API and the fake Data API linked to it, whose Postgres databases are real
 * databases on the embedded server: add-ons created through the API become databases, promotion
 * changes {@code DATABASE_URL}, backups hold real rows. Waits poll every 3 s of the fakes' clock.
 */
final class LinkedWorld implements BeforeEachCallback, AfterEachCallback {
  static final String APP = "shop";

  final ManualClock clock = new ManualClock(Instant.parse("2025-01-06T09:00:00Z"));
  FakeHerokuApi api;
  FakeDataApi data;
  Heroku heroku;

  @Override
  public void beforeEach(ExtensionContext context) {
    api = FakeHerokuApi.builder().clock(clock).start();
    data = FakeDataApi.linkedTo(api).embeddedPostgres(TestServices.postgres());
    heroku = FastRetries.apply(Heroku.builder().token(api.token()).baseUrl(api.baseUrl())
        .dataUrl(data.baseUrl())).build();
    api.addApp(APP);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      if (context.getExecutionException().isEmpty()) {
        SchemaCheckedFake.checkAnswers(api.requests());
      }
    } finally {
      heroku.close();
      data.close();
      api.close();
    }
  }

  /** Operations whose waits poll every 3 s of the fakes' clock, for at most {@code timeout}. */
  HerokuData client(Duration timeout) {
    return heroku.data().withWaiter(clock.waiter(timeout, Duration.ofSeconds(3)));
  }

  HerokuData client() {
    return client(Duration.ofMinutes(30));
  }

  /** Provisions a Postgres add-on attached as {@code attachment}; returns its name. */
  String provision(String plan, String attachment) {
    String name = heroku.workflows().withWaiter(clock.waiter(Duration.ofMinutes(5),
        Duration.ofSeconds(3))).addOns().createAndWait(APP, new AddOnCreateRequest(
            new AddOnCreateRequest.Attachment(attachment), null, null,
            "heroku-postgresql:" + plan, null)).name();
    client().postgres().waitUntilAvailable(name);
    return name;
  }

  /** The app's config var now. */
  String configVar(String name) {
    return api.app(APP).configVars().get(name);
  }

  /** Opens a connection to a {@code DATABASE_URL}-style URL. */
  static Connection connect(String url) throws SQLException {
    ServiceUrl parsed = ServiceUrl.parse("DATABASE_URL", url);
    Properties properties = new Properties();
    properties.setProperty("user", parsed.user().orElseThrow());
    properties.setProperty("password", parsed.password().orElseThrow().reveal());
    parsed.query().first("sslmode").ifPresent(mode -> properties.setProperty("sslmode", mode));
    String database = parsed.path().startsWith("/") ? parsed.path().substring(1) : parsed.path();
    return DriverManager.getConnection("jdbc:postgresql://" + parsed.authority() + "/" + database,
        properties);
  }

  /** Runs SQL statements on the database at {@code url}. */
  static void execute(String url, String... sql) throws SQLException {
    try (Connection c = connect(url); Statement s = c.createStatement()) {
      for (String statement : sql) s.execute(statement);
    }
  }

  /** The single long a query answers on the database at {@code url}. */
  static long queryLong(String url, String sql) throws SQLException {
    try (Connection c = connect(url); Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
