package io.herokusdk.api.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogLineTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      2024-05-01T12:00:00.123456+00:00 app[web.1]: Started GET "/" for 1.2.3.4 | app | web.1 | Started GET "/" for 1.2.3.4
      2010-10-06T21:51:04-07:00 heroku[web.1]: State changed from down to starting | heroku | web.1 | State changed from down to starting
      2024-05-01T12:00:00.000001Z app[api]: Release v42 created by user@example.com | app | api | Release v42 created by user@example.com
      2024-05-01T12:00:00.5+02:00 app[web-1234abcde-123ab]: a: b: c | app | web-1234abcde-123ab | a: b: c
      2024-05-01T12:00:00+00:00 heroku[scheduler.4521]: Starting process with command `rake x` | heroku | scheduler.4521 | Starting process with command `rake x`
      2024-05-01T12:00:00+00:00 app: no dyno here | app | '' | no dyno here
      """)
  void parsesHerokuLines(String raw, String source, String dyno, String message) {
    LogLine line = LogLine.parse(raw);
    assertThat(line.isWellFormed()).isTrue();
    assertThat(line.source()).isEqualTo(source);
    assertThat(line.dyno()).isEqualTo(dyno);
    assertThat(line.message()).isEqualTo(message);
    assertThat(line.raw()).isEqualTo(raw);
  }

  @Test
  void keepsMicrosecondsAndTheOffsetOfTheTimestamp() {
    LogLine line = LogLine.parse(
        "2024-05-01T14:00:00.123456+02:00 app[web.1]: hello\r\n");
    assertThat(line.timestamp()).isEqualTo(
        OffsetDateTime.of(2024, 5, 1, 14, 0, 0, 123_456_000, ZoneOffset.ofHours(2)));
    assertThat(line.raw()).isEqualTo("2024-05-01T14:00:00.123456+02:00 app[web.1]: hello");
    assertThat(line.message()).isEqualTo("hello");
  }

  @Test
  void anEmptyMessageIsWellFormed() {
    LogLine line = LogLine.parse("2024-05-01T12:00:00+00:00 app[web.1]:");
    assertThat(line.isWellFormed()).isTrue();
    assertThat(line.message()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "hello world", "not-a-date app[web.1]: x",
      "2024-05-01T12:00:00 app[web.1]: no offset", "2024-13-01T12:00:00+00:00 app[web.1]: month 13",
      "2024-05-01T12:00:00+00:00 app[web.1] no colon", "2024-05-01T12:00:00+00:00 app[web.1: x",
      "2024-05-01T12:00:00+00:00 [web.1]: no source", "2024-05-01T12:00:00+00:00 : x",
      "2024-05-01T12:00:00+00:00 app[we b.1]: space in dyno", "\u0000\u0001\uFFFD",
      "2024-05-01T12:00:00+00:00 a\"pp[web.1]: quote"})
  void keepsAMalformedLineWholeAsSourceUnknown(String raw) {
    LogLine line = LogLine.parse(raw);
    assertThat(line.isWellFormed()).isFalse();
    assertThat(line.timestamp()).isNull();
    assertThat(line.source()).isEqualTo(LogLine.UNKNOWN_SOURCE);
    assertThat(line.dyno()).isEmpty();
    assertThat(line.message()).isEqualTo(raw);
    assertThat(line.router()).isEmpty();
    assertThat(line.errorCode()).isEmpty();
  }

  @Test
  void randomGarbageNeverThrows() {
    Random random = new Random(42);
    String alphabet = "0123456789-:T.+Z []apphrouterweb=\"\\ \t\nHRL\u00e9\u20ac";
    for (int i = 0; i < 5_000; i++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(80);
      if (random.nextBoolean()) s.append("2024-05-01T12:00:00.123456+00:00 heroku[router]: ");
      for (int j = 0; j < length; j++) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      LogLine line = LogLine.parse(s.toString());
      assertThat(line.raw()).isNotNull();
      line.router().ifPresent(r -> assertThat(r.fields()).isNotNull());
      assertThat(line.errorCode()).isNotNull();
    }
  }

  @Test
  void routerLineFieldsAreTyped() {
    LogLine line = LogLine.parse("2024-05-01T12:00:00.654321+00:00 heroku[router]: at=info"
        + " method=GET path=\"/search?q=a b\" host=my-app.herokuapp.com"
        + " request_id=5d1f5b3e-0f3c-4f7a-9a39-2f0f4d1d6c9e fwd=\"203.0.113.7,10.0.0.1\""
        + " dyno=web.1 connect=1ms service=47ms status=200 bytes=1532 protocol=https"
        + " tls=true tls_version=TLSv1.3");
    assertThat(line.isRouter()).isTrue();
    RouterLine router = line.router().orElseThrow();
    assertThat(router.at()).isEqualTo("info");
    assertThat(router.isError()).isFalse();
    assertThat(router.method()).isEqualTo("GET");
    assertThat(router.path()).isEqualTo("/search?q=a b");
    assertThat(router.host()).isEqualTo("my-app.herokuapp.com");
    assertThat(router.requestId()).isEqualTo("5d1f5b3e-0f3c-4f7a-9a39-2f0f4d1d6c9e");
    assertThat(router.fwd()).isEqualTo("203.0.113.7,10.0.0.1");
    assertThat(router.dyno()).isEqualTo("web.1");
    assertThat(router.connect()).isEqualTo(Duration.ofMillis(1));
    assertThat(router.service()).isEqualTo(Duration.ofMillis(47));
    assertThat(router.status()).isEqualTo(200);
    assertThat(router.bytes()).isEqualTo(1532L);
    assertThat(router.protocol()).isEqualTo("https");
    assertThat(router.tls()).isEqualTo("true");
    assertThat(router.tlsVersion()).isEqualTo("TLSv1.3");
    assertThat(router.code()).isNull();
    assertThat(router.errorCode()).isEmpty();
    assertThat(line.errorCode()).isEmpty();
  }

  @Test
  void routerErrorLineCarriesItsCodeAndDescription() {
    LogLine line = LogLine.parse("2024-05-01T12:00:30.000001+00:00 heroku[router]: at=error"
        + " code=H12 desc=\"Request timeout\" method=POST path=\"/upload\" host=my-app.herokuapp.com"
        + " request_id=abc fwd=\"203.0.113.7\" dyno=web.2 connect=0ms service=30000ms status=503"
        + " bytes=0 protocol=https");
    RouterLine router = line.router().orElseThrow();
    assertThat(router.isError()).isTrue();
    assertThat(router.code()).isEqualTo("H12");
    assertThat(router.desc()).isEqualTo("Request timeout");
    assertThat(router.service()).isEqualTo(Duration.ofSeconds(30));
    assertThat(router.connect()).isEqualTo(Duration.ZERO);
    assertThat(router.status()).isEqualTo(503);
    assertThat(line.errorCode()).contains(HerokuErrorCode.H12);
    assertThat(HerokuErrorCode.H12.description()).isEqualTo("Request timeout");
  }

  @Test
  void emptyRouterFieldsAreNullAndTheirTextStays() {
    // Dev Center's H10 example: no dyno served the request.
    RouterLine router = LogLine.parse("2010-10-06T21:51:12-07:00 heroku[router]: at=error"
        + " code=H10 desc=\"App crashed\" method=GET path=\"/\" host=myapp.herokuapp.com"
        + " fwd=17.17.17.17 dyno= connect= service= status=503 bytes=").router().orElseThrow();
    assertThat(router.dyno()).isNull();
    assertThat(router.connect()).isNull();
    assertThat(router.service()).isNull();
    assertThat(router.bytes()).isNull();
    assertThat(router.status()).isEqualTo(503);
    assertThat(router.errorCode()).contains(HerokuErrorCode.H10);
    assertThat(router.fields()).containsEntry("dyno", "").containsEntry("desc", "App crashed");
  }

  @Test
  void badNumbersAreNullNotErrors() {
    RouterLine router = RouterLine.parse("status=abc bytes=-1 connect=fast service=1.5ms"
        + " desc=\"unterminated");
    assertThat(router.status()).isNull();
    assertThat(router.bytes()).isNull();
    assertThat(router.connect()).isNull();
    assertThat(router.service()).isEqualTo(Duration.ofNanos(1_500_000));
    assertThat(router.desc()).isEqualTo("unterminated");
    assertThat(RouterLine.parse("desc=\"say \\\"hi\\\"\" x").desc()).isEqualTo("say \"hi\"");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      2024-05-01T12:00:00+00:00 heroku[web.1]: Error R14 (Memory quota exceeded) | R14
      2024-05-01T12:00:00+00:00 heroku[web.1]: Error R15 (Memory quota vastly exceeded) | R15
      2024-05-01T12:00:00+00:00 heroku[web.1]: Error R10 (Boot timeout) -> Web process failed to bind to $PORT within 90 seconds of launch | R10
      2024-05-01T12:00:00+00:00 heroku[web.1]: Error R12 (Exit timeout) -> At least one process failed to exit within 30 seconds of SIGTERM | R12
      2024-05-01T12:00:00+00:00 heroku[logplex]: Error L10 (output buffer overflow): drain d.1234 dropped 200 messages | L10
      2024-05-01T12:00:00+00:00 heroku[router]: at=error code=H14 desc="No web processes running" method=GET path="/" | H14
      2024-05-01T12:00:00+00:00 heroku[router]: at=error code=H13 desc="Connection closed without response" | H13
      2024-05-01T12:00:00+00:00 heroku[router]: at=error code=H15 desc="Idle connection" | H15
      """)
  void recognisesErrorCodes(String raw, HerokuErrorCode code) {
    assertThat(LogLine.parse(raw).errorCode()).contains(code);
  }

  @Test
  void unknownCodesAndLookalikesAreNotRecognised() {
    assertThat(LogLine.parse("2024-05-01T12:00:00+00:00 heroku[router]: at=error code=H77")
        .errorCode()).isEmpty();
    assertThat(LogLine.parse("2024-05-01T12:00:00+00:00 app[web.1]: MyError R14x happened")
        .errorCode()).isEmpty();
    assertThat(HerokuErrorCode.of("h12")).contains(HerokuErrorCode.H12);
    assertThat(HerokuErrorCode.of(null)).isEmpty();
  }

  @Test
  void aMessageHerokuSplitSaysSo() {
    String prefix = "2024-05-01T12:00:00+00:00 app[web.1]: ";
    assertThat(LogLine.parse(prefix + "x".repeat(10_000)).maySplit()).isTrue();
    assertThat(LogLine.parse(prefix + "\u20ac".repeat(3334)).maySplit()).isTrue();
    assertThat(LogLine.parse(prefix + "x".repeat(9_999)).maySplit()).isFalse();
    assertThat("\u20ac".repeat(3334).getBytes(StandardCharsets.UTF_8).length).isEqualTo(10_002);
  }
}
