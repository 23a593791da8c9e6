package io.herokusdk.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Event streams from servers less tidy than the fake: ids on some events or on none. */
class LineStreamTest {
  private static final String LONG = "c".repeat(30);

  private final MockWebServer server = new MockWebServer();
  private final List<String> lines = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** An event stream whose connection closes at half of {@code body}. */
  private static MockResponse dropping(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
        .body(body).onResponseBody(new SocketEffect.CloseSocket()).build();
  }

  private static MockResponse whole(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
        .body(body).build();
  }

  private int read() throws Exception {
    LineStream stream = new LineStream(new OkHttpClient(), LineStream.defaultBackoff(),
        d -> { }, 3, Clock.systemUTC());
    return stream.read(server.url("/output").toString(), lines::add,
        Instant.now().plusSeconds(30));
  }

  private RecordedRequest take() throws InterruptedException {
    return server.takeRequest(5, TimeUnit.SECONDS);
  }

  @Test
  void withoutIdsAResumedStreamStartsOverAndTheEventsAlreadyDeliveredAreSkipped()
      throws Exception {
    // 56 bytes: the connection closes at byte 28, inside the third event.
    String body = "data: a\n\ndata: b\n\ndata: " + LONG + "\n\n";
    server.enqueue(dropping(body));
    server.enqueue(whole(body));

    assertThat(read()).isEqualTo(1);

    assertThat(lines).containsExactly("a", "b", LONG);
    assertThat(take().getHeaders().get("Last-Event-Id")).isNull();
    RecordedRequest resumed = take();
    assertThat(resumed.getHeaders().get("Last-Event-Id")).isNull();
    assertThat(resumed.getHeaders().get("Range")).isNull();
  }

  @Test
  void eventsAfterTheLastIdAreSentAgainAndSkipped() throws Exception {
    server.enqueue(dropping("id: 1\ndata: a\n\ndata: b\n\ndata: " + LONG + "\n\n"));
    server.enqueue(whole("data: b\n\nid: 3\ndata: " + LONG + "\ndata: d\n\n"));

    read();

    assertThat(lines).containsExactly("a", "b", LONG, "d");
    take();
    assertThat(take().getHeaders().get("Last-Event-Id")).isEqualTo("1");
  }
}
