package io.herokusdk.api.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class LogplexDrainTest {
  private static final String ROUTER = "<158>1 2012-10-11T03:47:20+00:00 host heroku router -"
      + " at=error code=H12 desc=\"Request timeout\" method=GET path=\"/\" host=myapp.herokuapp.com"
      + " request_id=8601b555 fwd=\"204.204.204.204\" dyno=web.1 connect=0ms service=30000ms"
      + " status=503 bytes=0 protocol=https";
  private static final String APP =
      "<190>1 2024-05-01T12:00:00.123456+00:00 d.f4b3c2a1 app web.1 - Started GET \"/\"";
  private static final String R14 =
      "<45>1 2024-05-01T12:00:01.000001+00:00 host heroku web.1 - Error R14 (Memory quota exceeded)";

  /** RFC 6587 octet counting: the length of each message in bytes, a space, the message. */
  private static byte[] body(String... messages) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String message : messages) {
      byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
      out.writeBytes((bytes.length + " ").getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }

  private static UnaryOperator<String> headers(String frameId, int count) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Logplex-Frame-Id", frameId);
    headers.put("Logplex-Msg-Count", String.valueOf(count));
    headers.put("Logplex-Drain-Token", "d.01234567-89ab-cdef-0123-456789abcdef");
    return headers::get;
  }

  @Test
  void readsEveryFrameIntoTheSameLinesAsTheStream() throws DrainBodyException {
    DrainBatch batch = LogplexDrain.create().receive(headers("frame-1", 3),
        body(ROUTER, APP + "\n", R14));

    assertThat(batch.duplicate()).isFalse();
    assertThat(batch.frameId()).isEqualTo("frame-1");
    assertThat(batch.drainToken()).isEqualTo("d.01234567-89ab-cdef-0123-456789abcdef");
    assertThat(batch.toString()).doesNotContain("01234567-89ab");
    assertThat(batch.lines()).extracting(LogLine::source, LogLine::dyno)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("heroku", "router"),
            org.assertj.core.groups.Tuple.tuple("app", "web.1"),
            org.assertj.core.groups.Tuple.tuple("heroku", "web.1"));
    LogLine router = batch.lines().get(0);
    assertThat(router.router().orElseThrow().service()).hasSeconds(30);
    assertThat(router.errorCode()).contains(HerokuErrorCode.H12);
    LogLine app = batch.lines().get(1);
    assertThat(app.message()).isEqualTo("Started GET \"/\"");
    assertThat(app.timestamp().getNano()).isEqualTo(123_456_000);
    assertThat(app.raw()).isEqualTo(APP);
    assertThat(batch.lines().get(2).errorCode()).contains(HerokuErrorCode.R14);
  }

  @Test
  void aRetriedFrameIdIsADuplicate() throws DrainBodyException {
    LogplexDrain drain = LogplexDrain.create();
    assertThat(drain.receive(headers("frame-1", 1), body(APP)).lines()).hasSize(1);

    DrainBatch retried = drain.receive(headers("frame-1", 1), body(APP));

    assertThat(retried.duplicate()).isTrue();
    assertThat(retried.lines()).isEmpty();
    assertThat(drain.receive(headers("frame-2", 1), body(APP)).duplicate()).isFalse();
  }

  @Test
  void remembersOnlyTheMostRecentFrameIds() throws DrainBodyException {
    LogplexDrain drain = LogplexDrain.rememberingFrames(2);
    drain.receive(headers("a", 1), body(APP));
    drain.receive(headers("b", 1), body(APP));
    drain.receive(headers("a", 1), body(APP)); // seen again: now the most recent
    drain.receive(headers("c", 1), body(APP)); // forgets b

    assertThat(drain.receive(headers("a", 1), body(APP)).duplicate()).isTrue();
    assertThat(drain.receive(headers("b", 1), body(APP)).duplicate()).isFalse();
  }

  @Test
  void aMessageCountThatDiffersKeepsTheLinesAndSaysSo() {
    assertThatThrownBy(() -> LogplexDrain.create().receive(headers("f", 3), body(APP, R14)))
        .isInstanceOfSatisfying(DrainBodyException.class, e -> {
          assertThat(e).hasMessage("Logplex-Msg-Count says 3 frames but the body holds 2");
          assertThat(e.lines()).hasSize(2);
          assertThat(e.frame()).isZero();
        });
  }

  @Test
  void aLengthRunningPastTheEndNamesTheFrameAndOffsetAndKeepsTheFramesBefore() {
    byte[] good = body(APP);
    byte[] truncated = body(APP, R14);
    byte[] cut = java.util.Arrays.copyOf(truncated, truncated.length - 5);

    assertThatThrownBy(() -> LogplexDrain.parseBody(cut))
        .isInstanceOfSatisfying(DrainBodyException.class, e -> {
          assertThat(e.frame()).isEqualTo(2);
          assertThat(e.offset()).isEqualTo(good.length);
          assertThat(e.getMessage()).startsWith("Log-drain body frame 2 at byte " + good.length
              + ": its length ").contains("runs past the end").doesNotContain("R14");
          assertThat(e.lines()).extracting(LogLine::raw).containsExactly(APP);
        });
  }

  @Test
  void aMissingLengthPrefixIsReported() {
    byte[] bad = (new String(body(APP), StandardCharsets.UTF_8) + "garbage here")
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> LogplexDrain.parseBody(bad))
        .isInstanceOfSatisfying(DrainBodyException.class, e -> {
          assertThat(e.frame()).isEqualTo(2);
          assertThat(e.getMessage()).contains("expected an octet count");
          assertThat(e.lines()).hasSize(1);
        });
  }

  @Test
  void aFrameThatIsNotUtf8IsReportedAndTheOthersAreKept() {
    byte[] first = body(APP);
    byte[] broken = {'3', ' ', 'a', (byte) 0xC3, (byte) 0x28};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(first);
    out.writeBytes(broken);
    out.writeBytes(body(R14));

    assertThatThrownBy(() -> LogplexDrain.parseBody(out.toByteArray()))
        .isInstanceOfSatisfying(DrainBodyException.class, e -> {
          assertThat(e.frame()).isEqualTo(2);
          assertThat(e.offset()).isEqualTo(first.length);
          assertThat(e.getMessage()).contains("not valid UTF-8");
          assertThat(e.lines()).extracting(LogLine::raw).containsExactly(APP, R14);
        });
  }

  @Test
  void aFrameWithAnUnreadableSyslogHeaderIsKeptWhole() throws DrainBodyException {
    assertThat(LogplexDrain.parseBody(body("just text", "<13>1 not-a-date h a p - m")))
        .extracting(LogLine::source, LogLine::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LogLine.UNKNOWN_SOURCE, "just text"),
            org.assertj.core.groups.Tuple.tuple(LogLine.UNKNOWN_SOURCE,
                "<13>1 not-a-date h a p - m"));
  }

  @Test
  void anEmptyBodyHasNoLines() throws DrainBodyException {
    assertThat(LogplexDrain.parseBody(new byte[0])).isEmpty();
    assertThat(LogplexDrain.create().receive(name -> null, new byte[0]).lines()).isEmpty();
  }

  @Test
  void randomBytesGiveLinesOrATypedErrorNeverAnythingElse() {
    Random random = new Random(7);
    byte[] valid = body(ROUTER, APP, R14);
    for (int i = 0; i < 5_000; i++) {
      byte[] bytes = valid.clone();
      for (int flips = random.nextInt(4); flips >= 0; flips--) {
        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      }
      if (random.nextInt(4) == 0) bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
      try {
        assertThat(LogplexDrain.parseBody(bytes)).isNotNull();
      } catch (DrainBodyException e) {
        assertThat(e.getMessage()).startsWith("Log-drain body frame ");
        assertThat(e.lines()).hasSizeLessThanOrEqualTo(3);
      }
    }
  }
}
