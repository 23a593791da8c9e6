package io.herokusdk.examples.signup;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokusdk.mail.Email;
import io.herokusdk.mail.InMemoryOutbox;
import io.herokusdk.testing.PostgresExtension;
import io.herokusdk.testing.RedisExtension;
import io.herokusdk.testing.TestDatabase;
import io.herokusdk.testing.TestRedis;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Signup → worker sends the email → fetch twice (cache hit) → health → rate limit trips. */
@ExtendWith({PostgresExtension.class, RedisExtension.class})
class SignupAppEndToEndTest {
  static final int LIMIT = 4;
  static final InMemoryOutbox outbox = new InMemoryOutbox();
  static RunningApp app;

  @BeforeAll
  static void start(TestDatabase db, TestRedis redis) {
    app = RunningApp.start(db, redis, outbox,
        Map.of("SIGNUP_RATE_LIMIT", Integer.toString(LIMIT), "SIGNUP_RATE_WINDOW", "10m"));
  }

  @AfterAll
  static void stop() {
    if (app != null) app.close();
  }

  @Test
  void signupSendsWelcomeEmailThenReadsThroughTheCacheAndLimitsTheRate(TestDatabase db)
      throws Exception {
    HttpResponse<String> signup = app.signup("ada@example.com", "Ada Lovelace");
    assertThat(signup.statusCode()).isEqualTo(201);
    assertThat(signup.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(signup.body()).contains("\"email\":\"ada@example.com\"", "\"name\":\"Ada Lovelace\"");
    String location = signup.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches("/users/\\d+");
    long id = Long.parseLong(location.substring("/users/".length()));

    // the worker takes the message from Redis and sends it through the mailer
    RunningApp.await("the welcome email", () -> !outbox.sentTo("ada@example.com").isEmpty());
    Email email = outbox.sentTo("ada@example.com").get(0);
    assertThat(email.subject()).hasValue("Welcome, Ada Lovelace!");
    assertThat(email.text().orElseThrow()).contains("Hi Ada Lovelace", "user id is " + id);
    RunningApp.await("sent_at recorded", () -> sentAt(db, id) != null);
    assertThat(app.services.welcomeEmails().queue().size()).isZero();
    assertThat(app.services.welcomeEmails().queue().inFlight()).isZero();

    HttpResponse<String> first = app.get(location);
    HttpResponse<String> second = app.get(location);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("X-Cache")).hasValue("MISS");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.headers().firstValue("X-Cache")).hasValue("HIT");
    assertThat(second.body()).isEqualTo(first.body()).isEqualTo(signup.body());
    // the hit really came from Redis, with the configured TTL
    String key = app.services.redis().cache().redisKey("user:" + id);
    long ttl = app.services.redis().sync().pttl(key);
    assertThat(ttl).isPositive().isLessThanOrEqualTo(5 * 60 * 1000L);

    HttpResponse<String> health = app.get("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).startsWith("{\"status\":\"ok\"")
        .containsPattern("\"postgres\":\\{\"ok\":true,\"latencyMs\":[0-9.]+,\"version\":\"17")
        .containsPattern("\"redis\":\\{\"ok\":true,\"latencyMs\":[0-9.]+}");

    // one signup of the limit is used; the rest pass, then 429
    for (int i = 1; i < LIMIT; i++) {
      assertThat(app.signup("user" + i + "@example.com", "User " + i).statusCode())
          .isEqualTo(201);
    }
    HttpResponse<String> limited = app.signup("late@example.com", "Late");
    assertThat(limited.statusCode()).isEqualTo(429);
    long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 600L);
    assertThat(limited.body()).contains("\"error\":\"rate_limited\"");
    // nothing was written for the rejected request
    assertThat(app.get("/users/" + (id + LIMIT)).statusCode()).isEqualTo(404);
  }

  private static Object sentAt(TestDatabase db, long id) {
    try (Connection c = db.jdbcConnection();
        PreparedStatement s = c.prepareStatement(
            "SELECT sent_at, attempts FROM welcome_emails WHERE user_id = ?")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        Object sent = rs.getObject(1);
        if (sent != null) assertThat(rs.getInt(2)).isEqualTo(1);
        return sent;
      }
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }
}
