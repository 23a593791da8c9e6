package io.herokusdk.examples.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.mail.InMemoryOutbox;
import io.herokusdk.testing.LogCapture;
import io.herokusdk.testing.PostgresExtension;
import io.herokusdk.testing.RedisExtension;
import io.herokusdk.testing.SecretCanary;
import io.herokusdk.testing.TestDatabase;
import io.herokusdk.testing.TestRedis;
import io.herokusdk.testing.TraceLogging;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Passwords and API keys never show up in responses, toStrings, exceptions or logs, with every
 * logger (Javalin/Jetty, Flyway, HikariCP, pgjdbc, Lettuce/Netty, OkHttp) at TRACE.
 */
@ExtendWith({TraceLogging.class, PostgresExtension.class, RedisExtension.class})
class SecretCanaryTest {
  @RegisterExtension final LogCapture logs = new LogCapture();

  @Test
  void realPasswordsAndTheApiKeyStayHiddenThroughAWholeRun(TestDatabase db, TestRedis redis)
      throws Exception {
    String apiKey = "SG." + SecretCanary.newSecret();
    Map<String, String> vars = new HashMap<>();
    vars.put("DATABASE_URL", db.url());
    vars.put("REDIS_URL", redis.tlsUrl());
    vars.put("REDIS_KEY_PREFIX", redis.keyPrefix());
    vars.put("SENDGRID_API_KEY", apiKey);
    vars.put("PORT", "0");
    List<Object> evidence = new ArrayList<>();
    try (SignupServices services = SignupServices.fromConfig(ConfigVars.of(vars))) {
      evidence.add(services);
      evidence.add(services.mailer());
      evidence.add(services.settings());
    }
    try (RunningApp app = RunningApp.start(db, redis, new InMemoryOutbox(), Map.of())) {
      HttpResponse<String> signup = app.signup("canary@example.com", "Canary");
      evidence.add(signup.body());
      evidence.add(app.get("/users/1").body());
      evidence.add(app.get("/health").body());
      evidence.add(app.post("/signup", "{bad").body());
      evidence.add(app.services);
      evidence.add(app.web);
      evidence.add(app.worker);
    }
    Object[] all = evidence.toArray();
    SecretCanary.assertNoLeak(db.password(), logs, all);
    SecretCanary.assertNoLeak(redis.password(), logs, all);
    SecretCanary.assertNoLeak(apiKey, logs, all);
  }

  @Test
  void aWrongDatabasePasswordGivesA503WithoutShowingIt(TestDatabase db, TestRedis redis)
      throws Exception {
    String password = SecretCanary.newSecret();
    String url = "postgres://" + db.user() + ":" + SecretCanary.percentEncode(password) + "@"
        + db.host() + ":" + db.port() + "/" + db.name();
    Map<String, String> vars = new HashMap<>(Map.of("DATABASE_URL", url,
        "REDIS_URL", redis.tlsUrl(), "PORT", "0", "DB_CONNECTION_TIMEOUT", "2s"));
    try (SignupServices services = SignupServices.fromConfig(ConfigVars.of(vars),
            new InMemoryOutbox());
        WebServer web = WebServer.start(services)) {
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      HttpResponse<String> health = http.send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create("http://127.0.0.1:" + web.port() + "/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.body()).contains("\"postgres\":{\"ok\":false");
      HttpResponse<String> user = http.send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create("http://127.0.0.1:" + web.port() + "/users/1")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(user.statusCode()).isEqualTo(503);
      assertThat(user.headers().firstValue("Retry-After")).hasValue("5");
      SecretCanary.assertNoLeak(password, logs, health.body(), user.body(), services, web);
    }
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    vars.put("REDIS_URL", "rediss://:" + SecretCanary.percentEncode(password) + "@127.0.0.1:"
        + closedPort + "/0");
    Throwable thrown = catchThrowable(() -> SignupServices.fromConfig(ConfigVars.of(vars)));
    assertThat(thrown).isNotNull();
    SecretCanary.assertNoLeak(password, logs, thrown);
  }
}
