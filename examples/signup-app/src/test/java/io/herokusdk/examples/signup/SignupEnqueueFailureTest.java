package io.herokusdk.examples.signup;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.herokusdk.mail.InMemoryOutbox;
import io.herokusdk.redis.HerokuRedis;
import io.herokusdk.testing.LogCapture;
import io.herokusdk.testing.PostgresExtension;
import io.herokusdk.testing.RedisExtension;
import io.herokusdk.testing.SecretCanary;
import io.herokusdk.testing.TestDatabase;
import io.herokusdk.testing.TestRedis;
import io.lettuce.core.AclSetuserArgs;
import io.lettuce.core.protocol.CommandType;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The signup's enqueue fails after the commit: the app runs as a Redis user that an ACL denies
 * LPUSH, which only the enqueue (and the dead-letter list) uses. The user still gets 201, the
 * welcome email stays unsettled for {@link RequeueJob}, and the WARN shows no password.
 */
@ExtendWith({PostgresExtension.class, RedisExtension.class})
class SignupEnqueueFailureTest {
  @RegisterExtension final LogCapture logs = new LogCapture();

  @Test
  void aFailedEnqueueStillAnswers201AndLeavesTheEmailToTheRequeueJob(TestDatabase db,
      TestRedis redis) throws Exception {
    String user = "no-lpush-" + redis.keyPrefix().replaceAll("[^a-z0-9]", "");
    String password = SecretCanary.newSecret();
    try (HerokuRedis admin = HerokuRedis.fromConfig(redis.configVars())) {
      admin.sync().aclSetuser(user, AclSetuserArgs.Builder.on().addPassword(password)
          .allKeys().allChannels().allCommands().removeCommand(CommandType.LPUSH));
    }
    String deniedUrl = "rediss://" + user + ":" + URLEncoder.encode(password, UTF_8) + "@"
        + redis.host() + ":" + redis.tlsPort() + "/" + redis.dbIndex();
    try (RunningApp app = RunningApp.start(db, redis, new InMemoryOutbox(),
        Map.of("REDIS_URL", deniedUrl))) {
      HttpResponse<String> signup = app.signup("unqueued@example.com", "Unqueued");

      assertThat(signup.statusCode()).isEqualTo(201);
      String location = signup.headers().firstValue("Location").orElseThrow();
      long id = Long.parseLong(location.substring("/users/".length()));
      assertThat(app.get(location).statusCode()).isEqualTo(200);
      assertThat(query(db, "SELECT sent_at IS NULL AND failed_at IS NULL FROM welcome_emails"
          + " WHERE user_id = " + id)).isEqualTo("t");
      assertThat(app.services.welcomeEmails().queue().size()).isZero();
    } finally {
      try (HerokuRedis admin = HerokuRedis.fromConfig(redis.configVars())) {
        admin.sync().aclDeluser(user);
      }
    }
    assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("WARN",
        "signed up but the welcome email could not be queued; the re-queue job will queue it"));
    SecretCanary.assertNoLeak(password, logs);
    SecretCanary.assertNoLeak(redis.password(), logs);
  }

  private static String query(TestDatabase db, String sql) throws Exception {
    try (Connection c = db.jdbcConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).as("a row for %s", sql).isTrue();
      return rs.getString(1);
    }
  }
}
