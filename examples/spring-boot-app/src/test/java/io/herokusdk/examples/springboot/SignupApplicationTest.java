package io.herokusdk.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokusdk.mail.Email;
import io.herokusdk.mail.InMemoryOutbox;
import io.herokusdk.mail.Mailer;
import io.herokusdk.redis.HerokuRedis;
import io.herokusdk.spring.test.HerokuTestServices;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole app on embedded Postgres and Redis (TLS), web and worker in one context, mail into an
 * {@link InMemoryOutbox}: sign-up → the worker sends the email → read through the cache → health
 * → duplicates, bad bodies and the rate limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.flyway.enabled=true", "signup.worker=true",
    "SIGNUP_RATE_LIMIT=" + SignupApplicationTest.LIMIT, "SIGNUP_RATE_WINDOW=10m",
    "TRUST_X_FORWARDED_FOR=true"})
@HerokuTestServices
class SignupApplicationTest {
  static final int LIMIT = 20;
  static final AtomicInteger CLIENTS = new AtomicInteger();

  @TestConfiguration
  static class Outbox {
    @Bean
    InMemoryOutbox outbox() {
      return new InMemoryOutbox();
    }
  }

  @LocalServerPort int port;
  @Autowired InMemoryOutbox outbox;
  @Autowired Mailer mailer;
  @Autowired HerokuRedis redis;
  @Autowired WelcomeEmails welcomeEmails;
  @Autowired JdbcClient jdbc;
  Http http;

  @BeforeEach
  void client() {
    // each test is its own client, so the rate limit of one does not spill into another
    http = new Http(port, "10.0.0." + CLIENTS.incrementAndGet());
  }

  @Test
  void signupSendsTheWelcomeEmailThenReadsThroughTheCache() throws Exception {
    assertThat(mailer).isSameAs(outbox); // the starter backed off for the app's own Mailer

    HttpResponse<String> signup = http.signup("ada@example.com", "Ada Lovelace");
    assertThat(signup.statusCode()).isEqualTo(201);
    assertThat(signup.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(signup.body()).contains("\"email\":\"ada@example.com\"", "\"name\":\"Ada Lovelace\"");
    String location = signup.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches("/users/\\d+");
    long id = Long.parseLong(location.substring("/users/".length()));

    // the worker takes the message from Redis and sends it through the mailer
    Http.await("the welcome email", () -> !outbox.sentTo("ada@example.com").isEmpty());
    Email email = outbox.sentTo("ada@example.com").get(0);
    assertThat(email.subject()).hasValue("Welcome, Ada Lovelace!");
    assertThat(email.text().orElseThrow()).contains("Hi Ada Lovelace", "user id is " + id);
    Http.await("sent_at recorded", () -> jdbc.sql(
            "SELECT sent_at IS NOT NULL FROM welcome_emails WHERE user_id = ?")
        .param(id).query(Boolean.class).single());
    assertThat(welcomeEmails.queue().size()).isZero();
    assertThat(welcomeEmails.queue().inFlight()).isZero();

    HttpResponse<String> first = http.get(location);
    HttpResponse<String> second = http.get(location);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("X-Cache")).hasValue("MISS");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.headers().firstValue("X-Cache")).hasValue("HIT");
    assertThat(second.body()).isEqualTo(first.body()).isEqualTo(signup.body());
    // the hit came from Redis, with the configured TTL (USER_CACHE_TTL, 5m)
    long ttl = redis.sync().pttl(redis.cache().redisKey("user:" + id));
    assertThat(ttl).isPositive().isLessThanOrEqualTo(5 * 60 * 1000L);

    HttpResponse<String> duplicate = http.signup("ADA@example.com", "Ada again");
    assertThat(duplicate.statusCode()).isEqualTo(409);
    assertThat(duplicate.body()).contains("\"error\":\"email_taken\"", "\"field\":\"email\"");
    assertThat(jdbc.sql("SELECT count(*) FROM users WHERE lower(email) = 'ada@example.com'")
        .query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void healthIsUpWithTheStartersPostgresRedisAndMailChecks() throws Exception {
    HttpResponse<String> health = http.get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).endsWith("\"status\":\"UP\"}")
        .contains("\"herokuPostgres\":{\"status\":\"UP\"}", "\"herokuRedis\":{\"status\":\"UP\"}");
  }

  @Test
  void badInputIsA400NamingTheField() throws Exception {
    assertBadRequest(http.post("/signup", "{not json"), "body");
    assertBadRequest(http.post("/signup", "[1, 2]"), "body");
    assertBadRequest(http.post("/signup", ""), "body");
    assertBadRequest(http.post("/signup", "{\"email\":\"x@example.com\",\"name\":\"X\",\"admin\":true}"),
        "body");
    assertBadRequest(http.post("/signup", "{\"name\":\"No Email\"}"), "email");
    assertBadRequest(http.signup("not-an-address", "X"), "email");
    assertBadRequest(http.signup("ok@example.com", "   "), "name");
    assertBadRequest(http.get("/users/abc"), "id");
    assertBadRequest(http.get("/users/0"), "id");
    HttpResponse<String> unknown = http.get("/users/999999");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("\"error\":\"not_found\"");
    // the parser's own words never reach the client
    assertThat(http.post("/signup", "{not json").body()).doesNotContain("Jackson", "JSON parse",
        "tools.jackson");
  }

  @Test
  void theRateLimitAnswers429WithRetryAfterAndWritesNothing() throws Exception {
    int before = jdbc.sql("SELECT count(*) FROM users").query(Integer.class).single();
    for (int i = 0; i < LIMIT; i++) {
      assertThat(http.signup("limit" + i + "@example.com", "Limit " + i).statusCode())
          .isEqualTo(201);
    }
    HttpResponse<String> limited = http.signup("late@example.com", "Late");
    assertThat(limited.statusCode()).isEqualTo(429);
    long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 600L);
    assertThat(limited.body()).contains("\"error\":\"rate_limited\"");
    int after = jdbc.sql("SELECT count(*) FROM users").query(Integer.class).single();
    assertThat(after).isEqualTo(before + LIMIT); // nothing written for the rejected request
    // another client is not limited
    assertThat(new Http(port, "10.9.9.9").signup("other@example.com", "Other").statusCode())
        .isEqualTo(201);
  }

  private static void assertBadRequest(HttpResponse<String> response, String field) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body()).contains("\"error\":\"invalid_request\"",
        "\"field\":\"" + field + "\"");
  }
}
