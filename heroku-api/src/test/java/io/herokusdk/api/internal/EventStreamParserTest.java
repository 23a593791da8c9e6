package io.herokusdk.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.api.internal.EventStreamParser.Event;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import org.junit.jupiter.api.Test;

class EventStreamParserTest {

  private static List<Event> parse(String body) throws IOException {
    EventStreamParser parser = new EventStreamParser(new Buffer().writeUtf8(body), null);
    List<Event> events = new ArrayList<>();
    for (Event e; (e = parser.next()) != null; ) events.add(e);
    return events;
  }

  @Test
  void joinsMultiLineDataWithNewlinesAndIgnoresComments() throws IOException {
    assertThat(parse(": hello\ndata: first\ndata:second\n:another comment\ndata:  third\n\n"))
        .containsExactly(new Event("message", "first\nsecond\n third", null));
  }

  @Test
  void acceptsCrLfAndLoneCrLineEnds() throws IOException {
    assertThat(parse("id: 1\r\ndata: a\r\n\r\nid: 2\rdata: b\r\rdata: c\n\n"))
        .containsExactly(new Event("message", "a", "1"), new Event("message", "b", "2"),
            new Event("message", "c", "2"));
  }

  @Test
  void dispatchesAnEventLeftWithoutItsBlankLineWhenTheBodyEndsCleanly() throws IOException {
    assertThat(parse("data: a\n\ndata: b\nid: 7")).containsExactly(
        new Event("message", "a", null), new Event("message", "b", "7"));
  }

  @Test
  void namesEventsKeepsIdsAcrossEventsAndHonoursRetry() throws IOException {
    EventStreamParser parser = new EventStreamParser(new Buffer().writeUtf8(
        "\uFEFFretry: 1500\nevent: build\ndata: x\nunknown: field\n\nid: 5\n\n"
        + "retry: soon\ndata\n\n"), "4");

    assertThat(parser.lastEventId()).isEqualTo("4");
    assertThat(parser.next()).isEqualTo(new Event("build", "x", "4"));
    // An event with an id but no data is not dispatched, but its id counts.
    assertThat(parser.next()).isEqualTo(new Event("message", "", "5"));
    assertThat(parser.next()).isNull();
    assertThat(parser.retry()).isEqualTo(Duration.ofMillis(1500));
    assertThat(parser.lastEventId()).isEqualTo("5");
    assertThat(parser.idSeen()).isTrue();
    assertThat(parser.eventsSinceLastId()).isEqualTo(1);
  }

  @Test
  void anEventCutOffByAFailureIsNotDispatched() throws IOException {
    Buffer bytes = new Buffer().writeUtf8("id: 1\ndata: a\n\nid: 2\ndata: b");
    BufferedSource failing = Okio.buffer(new ForwardingSource(bytes) {
      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        long read = super.read(sink, byteCount);
        if (read == -1) throw new IOException("unexpected end of stream");
        return read;
      }
    });
    EventStreamParser parser = new EventStreamParser(failing, null);

    assertThat(parser.next()).isEqualTo(new Event("message", "a", "1"));
    assertThatThrownBy(parser::next).isInstanceOf(IOException.class);
    assertThat(parser.lastEventId()).isEqualTo("1");
    assertThat(parser.eventsSinceLastId()).isZero();
  }
}
