package smoke;

import io.herokusdk.api.Heroku;
import io.herokusdk.api.workflow.DeployRequest;
import io.herokusdk.api.workflow.DeployResult;
import io.herokusdk.api.workflow.DeploySource;
import io.herokusdk.core.ConfigVars;
import io.herokusdk.mail.Email;
import io.herokusdk.mail.Mailer;
import io.herokusdk.mail.SendGridMailer;
import io.herokusdk.postgres.HerokuPostgres;
import io.herokusdk.redis.HerokuRedis;
import io.herokusdk.testing.TestDatabase;
import io.herokusdk.testing.TestRedis;
import io.herokusdk.testing.TestServices;
import io.herokusdk.testing.herokuapi.FakeHerokuApi;
import io.herokusdk.testing.sendgrid.FakeSendGrid;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The README's Quick start, with every config var pointing at the test kit: every module's
 * entry point reads its config vars and works, all on one classpath.
 */
public final class Smoke {
  /** Public: the cache serializes it with Moshi, which needs a public record. */
  public record User(long id, String email) {}

  public static void main(String[] args) throws Exception {
    try (TestDatabase db = TestServices.postgres().createDatabase();
        FakeSendGrid sendGrid = FakeSendGrid.start();
        FakeHerokuApi api = FakeHerokuApi.start()) {
      TestRedis testRedis = TestServices.redis().createTestRedis("smoke");
      Map<String, String> vars = new HashMap<>();
      vars.put("DATABASE_URL", db.url());
      vars.put("REDIS_URL", testRedis.tlsUrl());
      vars.putAll(sendGrid.configVars());
      vars.putAll(api.configVars());
      ConfigVars config = ConfigVars.of(vars);
      api.addApp("my-app");
      try (Connection c = db.jdbcConnection()) {
        c.createStatement().execute("create table users (id bigint primary key, email text)");
        c.createStatement().execute("insert into users values (42, 'ada@example.com')");
      }

      try (HerokuPostgres postgres = HerokuPostgres.fromConfig(config);
          HerokuRedis redis = HerokuRedis.fromConfig(config);
          Mailer mailer = SendGridMailer.builder().apiKey(config.requireSecret("SENDGRID_API_KEY"))
              .endpoint(sendGrid.endpoint()).build();
          Heroku heroku = Heroku.builder().token(config.requireSecret("HEROKU_API_KEY"))
              .baseUrl(api.baseUrl()).build()) {
        DataSource ds = postgres.dataSource();
        User user = redis.cache().getOrCompute(testRedis.key("user:42"), Duration.ofMinutes(5),
            User.class, () -> load(ds, 42));
        mailer.send(Email.builder().from("hi@example.com").to(user.email()).subject("Hi")
            .text("Welcome").build());
        String app = heroku.apps().info("my-app").name();
        Path jar = Files.createTempFile("app", ".jar");
        Files.write(jar, new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        List<String> buildOutput = new ArrayList<>();
        DeployResult deployed = heroku.workflows().deploys().deploy(DeployRequest.builder("my-app",
            DeploySource.jar(jar)).buildOutput(buildOutput::add).build());
        if (deployed.releaseVersion() < 1 || buildOutput.isEmpty()) {
          throw new IllegalStateException("deploy: " + deployed + " " + buildOutput);
        }
        if (sendGrid.accepted().size() != 1) throw new IllegalStateException("no mail sent");
        if (!user.email().equals("ada@example.com") || !"my-app".equals(app)) {
          throw new IllegalStateException(user + " " + app);
        }
        System.out.println("all-modules: quick start ran: " + user + ", mailer " + mailer + ", app "
            + app + " deployed as v" + deployed.releaseVersion());
      }
    }
  }

  private static User load(DataSource ds, long id) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("select id, email from users where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new User(rs.getLong(1), rs.getString(2));
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
