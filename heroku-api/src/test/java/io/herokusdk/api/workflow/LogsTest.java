package io.herokusdk.api.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.api.Heroku;
import io.herokusdk.api.NotFoundException;
import io.herokusdk.api.logs.LogLine;
import io.herokusdk.core.Waiter;
import io.herokusdk.api.SchemaCheckedFake;
import io.herokusdk.testing.herokuapi.FakeHerokuApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code workflows.logs()} against the fake's log sessions. */
class LogsTest {
  @RegisterExtension final SchemaCheckedFake fake = new SchemaCheckedFake();
  private FakeHerokuApi api;
  private Heroku heroku;
  private Logs logs;

  @BeforeEach
  void start() {
    api = fake.api();
    api.addApp("my-app");
    heroku = fake.heroku();
    logs = heroku.workflows().withWaiter(Waiter.builder().timeout(Duration.ofSeconds(10))
        .interval(Duration.ofMillis(10)).build()).logs();
  }

  private List<String> sessionBodies() {
    return api.requests().stream().filter(r -> r.path().endsWith("/log-sessions"))
        .map(FakeHerokuApi.ReceivedRequest::body).toList();
  }

  private static List<String> take(LogStream stream, int n) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) lines.add(stream.next().message());
    return lines;
  }

  @Test
  void recentReturnsTheLastLinesOldestFirstAsTypedLines() {
    for (int i = 1; i <= 5; i++) api.addLogLine("my-app", "app", "web.1", "line " + i);
    api.addLogLines("my-app", "2024-05-01T12:00:00.000001+00:00 heroku[router]: at=info"
        + " method=GET path=\"/\" status=200 bytes=12 connect=1ms service=5ms");

    List<LogLine> recent = logs.recent("my-app", 3);

    assertThat(recent).extracting(LogLine::message).containsExactly("line 4", "line 5",
        "at=info method=GET path=\"/\" status=200 bytes=12 connect=1ms service=5ms");
    assertThat(recent.get(0).source()).isEqualTo("app");
    assertThat(recent.get(0).dyno()).isEqualTo("web.1");
    assertThat(recent.get(0).timestamp()).isNotNull();
    assertThat(recent.get(2).router().orElseThrow().status()).isEqualTo(200);
    assertThat(sessionBodies()).containsExactly("{\"lines\":3,\"tail\":false}");
  }

  @Test
  void filtersBySourceAndProcessTypeOnHerokusSide() {
    api.addLogLine("my-app", "app", "web.1", "web one");
    api.addLogLine("my-app", "app", "worker.1", "worker");
    api.addLogLine("my-app", "heroku", "web.1", "State changed from up to down");
    api.addLogLine("my-app", "app", "web.2", "web two");

    try (LogStream stream = logs.open("my-app",
        LogOptions.builder().source("app").dyno("web").build())) {
      assertThat(stream.stream().map(LogLine::message)).containsExactly("web one", "web two");
    }
    try (LogStream stream = logs.open("my-app", LogOptions.builder().dyno("web.2").build())) {
      assertThat(stream.stream().map(LogLine::message)).containsExactly("web two");
    }
    assertThat(sessionBodies()).containsExactly(
        "{\"type\":\"web\",\"lines\":100,\"source\":\"app\",\"tail\":false}",
        "{\"dyno_name\":\"web.2\",\"lines\":100,\"tail\":false}");
  }

  @Test
  void aClientSideFilterKeepsOnlyWhatItAccepts() {
    api.addLogLine("my-app", "heroku", "web.1", "Error R14 (Memory quota exceeded)");
    api.addLogLine("my-app", "app", "web.1", "fine");
    try (LogStream stream = logs.open("my-app",
        LogOptions.builder().filter(line -> line.errorCode().isPresent()).build())) {
      assertThat(stream.stream().map(LogLine::message))
          .containsExactly("Error R14 (Memory quota exceeded)");
    }
  }

  @Test
  void aTailDeliversNewLinesAsTheyAreLogged() {
    api.addLogLine("my-app", "app", "web.1", "before");
    try (LogStream stream = logs.open("my-app", LogOptions.builder().tail(true).lines(10).build())) {
      assertThat(stream.next().message()).isEqualTo("before");
      api.addLogLine("my-app", "app", "web.1", "after");
      assertThat(stream.next().message()).isEqualTo("after");
      assertThat(stream.sessions()).isEqualTo(1);
    }
  }

  @Test
  void aDroppedTailReconnectsWithoutLosingOrRepeatingLines() {
    for (int i = 1; i <= 3; i++) api.addLogLine("my-app", "app", "web.1", "line " + i);
    api.dropNextLogStream("my-app", 2);

    try (LogStream stream = logs.open("my-app", LogOptions.builder().tail(true).lines(10)
        .replayLines(50).build())) {
      assertThat(take(stream, 3)).containsExactly("line 1", "line 2", "line 3");
      api.addLogLine("my-app", "app", "web.1", "line 4");
      assertThat(stream.next().message()).isEqualTo("line 4");
      assertThat(stream.sessions()).isEqualTo(2);
    }
    assertThat(sessionBodies()).containsExactly("{\"lines\":10,\"tail\":true}",
        "{\"lines\":50,\"tail\":true}");
  }

  @Test
  void aFirAppsTailIsReadAsServerSentEventsAndADropResumesItWithLastEventId() {
    api.setGeneration("my-app", "fir");
    for (int i = 1; i <= 3; i++) api.addLogLine("my-app", "app", "web.1", "line " + i);
    api.dropNextLogStream("my-app", 2);

    try (LogStream stream = logs.open("my-app", LogOptions.builder().tail(true).lines(10)
        .build())) {
      assertThat(take(stream, 3)).containsExactly("line 1", "line 2", "line 3");
      api.addLogLine("my-app", "app", "web.1", "line 4");
      assertThat(stream.next().message()).isEqualTo("line 4");
      assertThat(stream.sessions()).isEqualTo(1);
    }
    // The second request went to the same URL, asking for the lines after the 2nd.
    assertThat(api.logStreamResumes("my-app")).containsExactly("", "2");
    assertThat(sessionBodies()).containsExactly("{\"lines\":10,\"tail\":true}");
  }

  @Test
  void aFirTailWhoseStreamCannotBeResumedMakesANewSession() {
    api.setGeneration("my-app", "fir");
    for (int i = 1; i <= 3; i++) api.addLogLine("my-app", "app", "web.1", "line " + i);
    api.dropNextLogStream("my-app", 2);

    try (LogStream stream = logs.open("my-app", LogOptions.builder().tail(true).lines(10)
        .replayLines(50).build())) {
      assertThat(take(stream, 2)).containsExactly("line 1", "line 2");
      api.rejectNextLogStreams("my-app", 1); // the resumed request: "log stream timed out"
      assertThat(take(stream, 1)).containsExactly("line 3");
      api.addLogLine("my-app", "app", "web.1", "line 4");
      assertThat(stream.next().message()).isEqualTo("line 4");
      assertThat(stream.sessions()).isEqualTo(2);
    }
    assertThat(api.logStreamResumes("my-app")).containsExactly("", "2", "");
  }

  @Test
  void recentLinesOfAFirAppAreReadFromServerSentEvents() {
    api.setGeneration("my-app", "fir");
    for (int i = 1; i <= 4; i++) api.addLogLine("my-app", "app", "web.1", "line " + i);

    assertThat(logs.recent("my-app", 3)).extracting(LogLine::message)
        .containsExactly("line 2", "line 3", "line 4");
  }

  @Test
  void linesLoggedWhileDisconnectedAreDelivered() {
    api.addLogLine("my-app", "app", "web.1", "line 1");
    try (LogStream stream = logs.open("my-app", LogOptions.builder().tail(true).build())) {
      assertThat(stream.next().message()).isEqualTo("line 1");
      api.rejectNextLogStreams("my-app", 2);   // "log stream timed out", twice
      api.endLogStreams("my-app");             // Heroku ends the session
      api.addLogLine("my-app", "app", "web.1", "line 2");
      api.addLogLine("my-app", "app", "web.1", "line 3");

      assertThat(take(stream, 2)).containsExactly("line 2", "line 3");
      assertThat(stream.sessions()).isEqualTo(4);
    }
  }

  @Test
  void closeStopsABlockedTail() throws Exception {
    api.addLogLine("my-app", "app", "web.1", "only line");
    LogStream stream = logs.open("my-app", LogOptions.builder().tail(true).build());
    List<String> seen = new CopyOnWriteArrayList<>();
    CountDownLatch first = new CountDownLatch(1);
    CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> stream.forEachRemaining(
        line -> {
          seen.add(line.message());
          first.countDown();
        }));
    assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();

    stream.close();

    reader.get(10, TimeUnit.SECONDS);
    assertThat(seen).containsExactly("only line");
    assertThat(stream.hasNext()).isFalse();
    assertThat(stream.sessions()).isEqualTo(1);
  }

  @Test
  void aNonTailStreamThatDropsFails() {
    for (int i = 1; i <= 3; i++) api.addLogLine("my-app", "app", "web.1", "line " + i);
    api.dropNextLogStream("my-app", 1);

    assertThatThrownBy(() -> logs.recent("my-app", 10))
        .isInstanceOfSatisfying(LogStreamException.class, e -> {
          assertThat(e.app()).isEqualTo("my-app");
          assertThat(e).hasMessageStartingWith(
              "The log stream of my-app dropped after 1 lines, before its end");
        });
  }

  @Test
  void anUnknownAppIsThePlatformApisNotFound() {
    assertThatThrownBy(() -> logs.recent("no-such-app", 10))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void theFakesLogSessionHasTheSchemasFieldsAndChecksLines() {
    io.herokusdk.api.model.LogSession session = heroku.logSessions().create("my-app",
        io.herokusdk.api.model.LogSessionCreateRequest.builder().lines(10L).tail(true).build());
    assertThat(session.id()).isNotBlank();
    assertThat(session.logplexUrl()).startsWith(api.baseUrl() + "_fake/log-sessions/");
    assertThat(session.createdAt()).isNotNull();
    assertThat(session.updatedAt()).isNotNull();
    assertThatThrownBy(() -> heroku.logSessions().create("my-app",
        io.herokusdk.api.model.LogSessionCreateRequest.builder().lines(5000L).build()))
        .isInstanceOf(io.herokusdk.api.InvalidParamsException.class)
        .hasMessageContaining("lines must be a whole number from 0 to 1500");
  }

  @Test
  void theLogStreamUrlNeverGetsTheToken() throws Exception {
    // The fake answers 400 to a stream request carrying a token; the SDK's reads above succeed.
    String url = heroku.logSessions().create("my-app",
        io.herokusdk.api.model.LogSessionCreateRequest.builder().build()).logplexUrl();
    try (Response response = new OkHttpClient().newCall(new Request.Builder().url(url)
        .header("Authorization", "Bearer " + api.token()).build()).execute()) {
      assertThat(response.code()).isEqualTo(400);
    }
    api.addLogLine("my-app", "app", "web.1", "hello");
    assertThat(logs.recent("my-app", 1)).extracting(LogLine::message).containsExactly("hello");
  }
}
