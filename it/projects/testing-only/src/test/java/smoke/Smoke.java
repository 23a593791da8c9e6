package smoke;

import io.herokusdk.testing.TestDatabase;
import io.herokusdk.testing.TestRedis;
import io.herokusdk.testing.TestServices;
import io.herokusdk.testing.herokuapi.FakeHerokuApi;
import io.herokusdk.testing.sendgrid.FakeSendGrid;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;

/**
 * The test kit alone: PostgreSQL 17 binaries for every platform, the fakes start and answer
 * HTTP, the embedded Postgres answers SQL and the embedded Redis is up, with nothing else on the
 * classpath.
 */
public final class Smoke {
  /** The PostgreSQL binaries every platform must get from the kit: one major version. */
  private static final List<String> POSTGRES_BINARIES = List.of("linux-x86_64", "linux-arm_64",
      "linux-x86_64-alpine_linux", "darwin-x86_64", "darwin-arm_64", "windows-x86_64");

  public static void main(String[] args) throws Exception {
    for (String platform : POSTGRES_BINARIES) {
      URL binary = Smoke.class.getClassLoader().getResource("postgres-" + platform + ".txz");
      if (binary == null || !binary.toString().contains("-17.")) {
        throw new IllegalStateException("PostgreSQL binaries for " + platform + ": " + binary);
      }
    }
    // HTTP/1.1: the JDK client's default h2c upgrade of a POST once hung against MockWebServer
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (FakeSendGrid sendGrid = FakeSendGrid.start(); FakeHerokuApi api = FakeHerokuApi.start()) {
      int sendGridStatus = post(http, sendGrid.endpoint().resolve("/v3/mail/send"), "{}",
          "Bearer " + sendGrid.apiKey());
      if (sendGridStatus != 400) throw new IllegalStateException("FakeSendGrid said " + sendGridStatus);
      HttpResponse<String> apps = http.send(HttpRequest.newBuilder(api.endpoint().resolve("apps"))
          .header("Authorization", "Bearer " + api.token())
          .header("Accept", "application/vnd.heroku+json; version=3").build(),
          HttpResponse.BodyHandlers.ofString());
      if (apps.statusCode() != 200) throw new IllegalStateException("FakeHerokuApi said " + apps.statusCode());
    }
    try (TestDatabase db = TestServices.postgres().createDatabase();
        Connection connection = db.jdbcConnection();
        ResultSet rs = connection.createStatement().executeQuery("select 1 + 1")) {
      rs.next();
      if (rs.getInt(1) != 2) throw new IllegalStateException("Postgres said " + rs.getInt(1));
    }
    TestRedis redis = TestServices.redis().createTestRedis("smoke");
    if (!redis.server().isRunning()) throw new IllegalStateException("Redis is not running");
    System.out.println("testing-only: FakeSendGrid, FakeHerokuApi, Postgres " + TestServices.postgres().version()
        + " and Redis " + redis.server().version() + " answer");
  }

  private static int post(HttpClient http, URI uri, String body, String authorization) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).header("Authorization", authorization)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
