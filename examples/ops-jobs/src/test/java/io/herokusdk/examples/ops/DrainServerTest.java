package io.herokusdk.examples.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.mail.Email;
import io.herokusdk.mail.InMemoryOutbox;
import io.herokusdk.testing.ManualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The log-drain endpoint with real HTTP requests carrying Logplex bodies. */
class DrainServerTest {
  private static final String TOKEN = "d.9a1f1e0c-4a2b-4f4e-9d55-0b7b1c1f6a11";
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-10T12:00:00Z"));
  private final HttpClient http = HttpClient.newHttpClient();
  private DrainServer server;
  private int frame;

  private void start(Map<String, String> extra) throws Exception {
    Map<String, String> vars = new HashMap<>(Map.of("PORT", "0", "DRAIN_USER", "drain",
        "DRAIN_PASSWORD", "s3cret-drain-pass", "DRAIN_TOKENS", "d.other," + TOKEN,
        "REQUIRE_HTTPS", "true", "ALERT_THRESHOLDS", "H12=3,5xx=100", "ALERT_WINDOW", "5m",
        "ALERT_EMAIL_TO", "oncall@example.com", "MAIL_FROM", "alerts@example.com",
        "ALERT_LABEL", "shop"));
    vars.putAll(extra);
    server = DrainServer.start(DrainServer.Settings.from(ConfigVars.of(vars)), outbox, clock);
  }

  @AfterEach
  void stop() {
    if (server != null) server.close();
  }

  private static String frames(String... messages) {
    StringBuilder body = new StringBuilder();
    for (String m : messages) {
      String frame = "<158>1 2026-03-10T12:00:00.000000+00:00 host " + m;
      body.append(frame.getBytes(StandardCharsets.UTF_8).length).append(' ').append(frame);
    }
    return body.toString();
  }

  private static String router(String path, int status, int serviceMs, String code) {
    return "heroku router - at=" + (code == null ? "info" : "error code=" + code)
        + " method=GET path=\"" + path + "\" host=shop.herokuapp.com request_id="
        + UUID.randomUUID() + " fwd=\"1.2.3.4\" dyno=web.1 connect=0ms service=" + serviceMs
        + "ms status=" + status + " bytes=100 protocol=https";
  }

  private HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + server.port() + "/drain"))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/logplex-1");
    Map<String, String> all = new HashMap<>(Map.of("X-Forwarded-Proto", "https",
        "Authorization", basic("drain", "s3cret-drain-pass"), "Logplex-Drain-Token", TOKEN,
        "Logplex-Frame-Id", "frame-" + (++frame)));
    all.putAll(headers);
    all.forEach((k, v) -> {
      if (!v.isEmpty()) request.header(k, v);
    });
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> drain(String... messages) throws Exception {
    return post(frames(messages), Map.of("Logplex-Msg-Count", String.valueOf(messages.length)));
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
        .getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void countsErrorCodesAnd5xxAndKeepsPercentilesPerPath() throws Exception {
    start(Map.of());
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 20; i++) lines.add(router("/orders?page=" + i, 200, i * 10, null));
    lines.add(router("/checkout", 503, 30000, "H12"));
    lines.add(router("/checkout", 503, 0, "H10"));
    lines.add(router("/", 503, 0, "H13"));
    lines.add("app web.1 - Error R14 (Memory quota exceeded)");

    HttpResponse<String> response = drain(lines.toArray(String[]::new));

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(server.stats().totals()).containsEntry("H10", 1L).containsEntry("H12", 1L)
        .containsEntry("H13", 1L).containsEntry("R14", 1L).containsEntry("5xx", 3L);
    DrainStats.PathTimes orders = server.stats().pathTimes().get("/orders");
    assertThat(orders.requests()).isEqualTo(20);
    assertThat(orders.p50Millis()).isEqualTo(100);
    assertThat(orders.p95Millis()).isEqualTo(190);

    HttpResponse<String> stats = http.send(HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + server.port() + "/stats"))
        .header("X-Forwarded-Proto", "https")
        .header("Authorization", basic("drain", "s3cret-drain-pass")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(stats.body()).contains("\"/orders\"").contains("\"p95_ms\":190");
  }

  @Test
  void oneEmailPerBreachUntilItClears() throws Exception {
    start(Map.of());
    drain(router("/a", 503, 30000, "H12"), router("/a", 503, 30000, "H12"));
    server.flushAlerts();
    assertThat(outbox.sent()).isEmpty();

    drain(router("/a", 503, 30000, "H12"));       // 3 in 5 min: breach
    drain(router("/a", 503, 30000, "H12"), router("/a", 503, 30000, "H12"));   // still breached
    server.flushAlerts();
    assertThat(outbox.sent()).hasSize(1);
    Email alert = outbox.sent().get(0);
    assertThat(alert.subject()).hasValue("[shop] 3 H12 errors in 5 min (threshold 3)");

    clock.advance(Duration.ofMinutes(6));        // the window empties: cleared
    drain(router("/a", 200, 5, null));
    drain(router("/a", 503, 30000, "H12"), router("/a", 503, 30000, "H12"),
        router("/a", 503, 30000, "H12"));        // a new breach
    server.flushAlerts();
    assertThat(outbox.sent()).hasSize(2);
  }

  @Test
  void refusesPlainHttpWrongCredentialsAndUnknownDrainTokens() throws Exception {
    start(Map.of());
    String body = frames(router("/", 503, 0, "H10"));

    assertThat(post(body, Map.of("X-Forwarded-Proto", "http")).statusCode()).isEqualTo(403);
    assertThat(post(body, Map.of("Authorization", basic("drain", "wrong"))).statusCode())
        .isEqualTo(401);
    assertThat(post(body, Map.of("Authorization", "")).statusCode()).isEqualTo(401);
    assertThat(post(body, Map.of("Logplex-Drain-Token", "d.unknown")).statusCode())
        .isEqualTo(403);
    assertThat(post(body, Map.of("Logplex-Drain-Token", "")).statusCode()).isEqualTo(403);
    assertThat(server.stats().totals()).isEmpty();
  }

  @Test
  void aMalformedBodyIs400AndItsReadableLinesStillCount() throws Exception {
    start(Map.of());
    String body = frames(router("/", 503, 0, "H10")) + "99 <158>1 truncated";

    HttpResponse<String> response = post(body, Map.of());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(server.stats().totals()).containsEntry("H10", 1L);
  }

  @Test
  void aRetriedFrameIsCountedOnceAndTheRequestIdIsEchoed() throws Exception {
    start(Map.of());
    String body = frames(router("/", 503, 0, "H10"));

    post(body, Map.of("Logplex-Frame-Id", "same"));
    HttpResponse<String> again = post(body, Map.of("Logplex-Frame-Id", "same",
        "X-Request-Id", "req-42"));

    assertThat(again.statusCode()).isEqualTo(204);
    assertThat(again.headers().firstValue("X-Request-Id")).hasValue("req-42");
    assertThat(server.stats().totals()).containsEntry("H10", 1L);
  }

  @Test
  void offADynoPlainHttpIsAcceptedForLocalTesting() throws Exception {
    start(Map.of("REQUIRE_HTTPS", "false"));

    assertThat(post(frames(router("/", 200, 1, null)), Map.of("X-Forwarded-Proto", ""))
        .statusCode()).isEqualTo(204);
  }
}
