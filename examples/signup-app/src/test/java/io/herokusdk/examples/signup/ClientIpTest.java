package io.herokusdk.examples.signup;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokusdk.mail.InMemoryOutbox;
import io.herokusdk.testing.PostgresExtension;
import io.herokusdk.testing.RedisExtension;
import io.herokusdk.testing.TestDatabase;
import io.herokusdk.testing.TestRedis;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The rate limit is per client IP: the last X-Forwarded-For entry on Heroku, else the peer. */
@ExtendWith({PostgresExtension.class, RedisExtension.class})
class ClientIpTest {
  @Test
  void takesTheLastForwardedEntryOnlyWhenTrusted() {
    List<String> headers = List.of("6.6.6.6, 10.0.0.1", "203.0.113.7 , 198.51.100.2");
    assertThat(ClientIp.resolve("10.1.2.3", headers, true)).isEqualTo("198.51.100.2");
    assertThat(ClientIp.resolve("10.1.2.3", headers, false)).isEqualTo("10.1.2.3");
    assertThat(ClientIp.resolve("10.1.2.3", List.of(), true)).isEqualTo("10.1.2.3");
    assertThat(ClientIp.resolve("10.1.2.3", List.of(" , "), true)).isEqualTo("10.1.2.3");
    assertThat(ClientIp.resolve("10.1.2.3", List.of("2001:db8::1"), true))
        .isEqualTo("2001:db8::1");
  }

  @Test
  void trustIsOnByDefaultOnlyOnADyno() {
    assertThat(AppSettings.from(io.herokusdk.core.ConfigVars.of(Map.of("DYNO", "web.1")))
        .trustForwardedFor()).isTrue();
    assertThat(AppSettings.from(io.herokusdk.core.ConfigVars.of(Map.of())).trustForwardedFor())
        .isFalse();
  }

  @Test
  void eachClientHasItsOwnLimitAndASpoofedFirstEntryDoesNotHelp(TestDatabase db,
      TestRedis redis) {
    try (RunningApp app = RunningApp.start(db, redis, new InMemoryOutbox(), Map.of(
        "SIGNUP_RATE_LIMIT", "2", "SIGNUP_RATE_WINDOW", "10m", "TRUST_X_FORWARDED_FOR", "true"))) {
      String a = "198.51.100.1";
      assertThat(signupFrom(app, "a1", "1.1.1.1, " + a)).isEqualTo(201);
      assertThat(signupFrom(app, "a2", "2.2.2.2, " + a)).isEqualTo(201);
      // a client cannot escape by sending its own X-Forwarded-For: the router's entry is last
      assertThat(signupFrom(app, "a3", "3.3.3.3, " + a)).isEqualTo(429);
      assertThat(signupFrom(app, "b1", a + ", 198.51.100.2")).isEqualTo(201);
    }
  }

  private static int signupFrom(RunningApp app, String user, String forwardedFor) {
    return app.post("/signup", "{\"email\":\"" + user + "@example.com\",\"name\":\"" + user
        + "\"}", "X-Forwarded-For", forwardedFor).statusCode();
  }
}
