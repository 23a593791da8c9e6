package io.herokusdk.examples.signup;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.herokusdk.mail.InMemoryOutbox;
import io.herokusdk.testing.LogCapture;
import io.herokusdk.testing.PostgresExtension;
import io.herokusdk.testing.RedisExtension;
import io.herokusdk.testing.TestDatabase;
import io.herokusdk.testing.TestRedis;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * Structured logs: the app's logback.xml (heroku-core's heroku-logfmt.xml) writes one logfmt
 * line per event to stdout, carrying the request's X-Request-Id as request_id.
 */
@ExtendWith({PostgresExtension.class, RedisExtension.class})
class RequestIdLoggingTest {
  @RegisterExtension final LogCapture logs = new LogCapture();

  private static HttpResponse<String> get(RunningApp app, String path, String requestId)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + app.web.port() + path));
    if (requestId != null) request.header("X-Request-Id", requestId);
    return HttpClient.newHttpClient().send(request.GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private List<String> linesWith(String text) {
    return logs.lines().stream().filter(line -> line.contains(text)).toList();
  }

  @Test
  void aRequestsLogLineCarriesItsRequestId(TestDatabase db, TestRedis redis) throws Exception {
    try (RunningApp app = RunningApp.start(db, redis, new InMemoryOutbox(), Map.of())) {
      String id = "f1b2c3d4-0000-4000-8000-00000000abcd";

      HttpResponse<String> response = get(app, "/users/999999", id);

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.headers().firstValue("X-Request-Id")).contains(id);
      RunningApp.await("the request's log line", () -> !linesWith("request_id=" + id).isEmpty());
      assertThat(linesWith("request_id=" + id)).anySatisfy(line -> assertThat(line)
          .startsWith("level=INFO logger=")
          .contains(" msg=\"GET /users/999999 404 "));
    }
  }

  @Test
  void withoutAUsableRequestIdTheAppMakesOne(TestDatabase db, TestRedis redis)
      throws Exception {
    try (RunningApp app = RunningApp.start(db, redis, new InMemoryOutbox(), Map.of())) {
      HttpResponse<String> none = get(app, "/users/999998", null);
      HttpResponse<String> forged = get(app, "/users/999997", "x\" level=ERROR msg=\"forged");

      for (HttpResponse<String> response : List.of(none, forged)) {
        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).matches("[0-9a-f-]{36}");
        RunningApp.await("the log line of " + id, () -> !linesWith("request_id=" + id).isEmpty());
      }
      // (Jetty's own DEBUG lines quote raw headers, escaped; only the MDC value matters here)
      assertThat(logs.lines()).noneMatch(line -> line.contains("request_id=x"))
          .noneMatch(line -> line.startsWith("level=ERROR"));
    }
  }

  /** Configures a fresh logback context from {@code include} and logs through it. */
  private static LoggerContext configured(String include) throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(MDC.getMDCAdapter());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    String xml = "<configuration><include resource=\"" + include + "\"/>"
        + "<root level=\"INFO\"><appender-ref ref=\"HEROKU\"/></root></configuration>";
    configurator.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    return context;
  }

  @Test
  void logfmtKeepsOneEventOnOneLineAndEscapesQuotes() throws Exception {
    LoggerContext context = configured("io/herokusdk/logback/heroku-logfmt.xml");
    try {
      Logger log = context.getLogger("io.herokusdk.examples.signup.Format");
      MDC.put("request_id", "req-42");
      try {
        log.warn("said \"hi\"\nthen left \\ back", new IllegalStateException("boom \"x\""));
      } finally {
        MDC.remove("request_id");
      }
      log.info("plain");

      List<String> lines = linesWith("logger=io.herokusdk.examples.signup.Format ");
      assertThat(lines).hasSize(2);
      assertThat(lines.get(0))
          .startsWith("level=WARN logger=io.herokusdk.examples.signup.Format thread=\"")
          .contains(" request_id=req-42 ")
          .contains(" msg=\"said \\\"hi\\\"\\nthen left \\\\ back\"")
          .contains(" exception=\"java.lang.IllegalStateException: boom \\\"x\\\"\\n\tat ");
      assertThat(lines.get(1)).endsWith(" msg=\"plain\"").doesNotContain("request_id")
          .doesNotContain("exception=");
    } finally {
      context.stop();
    }
  }

  @Test
  void jsonHasTheRequestIdInItsMdc() throws Exception {
    LoggerContext context = configured("io/herokusdk/logback/heroku-json.xml");
    try {
      Logger log = context.getLogger("io.herokusdk.examples.signup.JsonFormat");
      MDC.put("request_id", "req-43");
      try {
        log.info("hello \"json\"");
      } finally {
        MDC.remove("request_id");
      }

      List<String> lines = linesWith("io.herokusdk.examples.signup.JsonFormat");
      assertThat(lines).hasSize(1);
      Map<String, Object> event = new Moshi.Builder().build()
          .<Map<String, Object>>adapter(Types.newParameterizedType(Map.class, String.class,
              Object.class)).fromJson(lines.get(0));
      assertThat(event).containsEntry("level", "INFO")
          .containsEntry("formattedMessage", "hello \"json\"")
          .containsEntry("mdc", Map.of("request_id", "req-43"))
          .doesNotContainKeys("context", "sequenceNumber", "message");
    } finally {
      context.stop();
    }
  }
}
