package io.herokusdk.api.internal;

import io.herokusdk.core.Backoff;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Reads an output stream (a build's or release's {@code output_stream_url}) line by line as it
 * arrives. A {@code text/plain} body (Cedar) is read by lines; after a dropped connection it asks
 * again with {@code Range: bytes=N-}, N being the bytes of the complete lines already delivered
 * (a server that ignores the range answers 200 and the first N bytes are skipped). A {@code
 * text/event-stream} body (Fir) is read with {@link EventStreamParser}, each event's data giving
 * its line(s); after a drop it asks again with {@code Last-Event-Id} (no {@code Range}) and skips
 * the events it already delivered after that id (all of them if the server sent no id), waiting
 * at least the server's {@code retry}. Either way no line is lost or repeated. A 404 before the
 * first byte is retried: a stream can appear a moment after its build. Not API.
 */
public final class LineStream {
  private final OkHttpClient client;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final int maxFailures;
  private final Clock clock;

  /**
   * @param maxFailures how many failed requests in a row (without a new line) end the read
   */
  public LineStream(OkHttpClient client, Backoff backoff, Sleeper sleeper, int maxFailures,
      Clock clock) {
    this.client = client;
    this.backoff = backoff;
    this.sleeper = sleeper;
    this.maxFailures = maxFailures;
    this.clock = clock;
  }

  /**
   * Reads {@code url} until it ends, giving each line (without its line break) to {@code lines}.
   *
   * @param deadline no new request is made after it
   * @return the reconnections it needed
   * @throws IOException if the stream failed {@code maxFailures} times in a row, or at the
   *     deadline
   */
  public int read(String url, Consumer<String> lines, Instant deadline) throws IOException {
    long offset = 0;
    Events events = new Events();
    int failures = 0;
    int reconnects = 0;
    while (true) {
      Request.Builder request = new Request.Builder().url(url)
          .header("Accept", "text/plain, text/event-stream");
      if (events.lastId != null && !events.lastId.isEmpty()) {
        request.header("Last-Event-Id", events.lastId);
      } else if (offset > 0) {
        request.header("Range", "bytes=" + offset + "-");
      }
      IOException failure;
      long before = offset + events.delivered;
      try (Response response = client.newCall(request.build()).execute()) {
        int code = response.code();
        if (code == 416) return reconnects;
        if (code != 200 && code != 206) {
          failure = new IOException("GET output stream: HTTP " + code);
        } else if (Objects.requireNonNullElse(response.header("Content-Type"), "")
            .startsWith("text/event-stream")) {
          failure = events.read(response.body().source(), lines);
          if (failure == null) return reconnects;
        } else {
          BufferedSource source = response.body().source();
          if (offset > 0 && code == 200) source.skip(offset);
          try {
            offset = readLines(source, offset, lines);
            return reconnects;
          } catch (Progressed p) {
            offset = p.offset;
            failure = p.cause;
          }
        }
      } catch (InterruptedIOException e) {
        if (Thread.currentThread().isInterrupted()) throw e;
        failure = e;
      } catch (IOException e) {
        failure = e;
      }
      failures = offset + events.delivered > before ? 1 : failures + 1;
      if (failures >= maxFailures || !clock.instant().isBefore(deadline)) throw failure;
      reconnects++;
      Duration delay = backoff.delayForAttempt(failures);
      if (events.retry != null && events.retry.compareTo(delay) > 0) delay = events.retry;
      sleeper.sleep(delay);
    }
  }

  /** What an event stream delivered so far, over all its connections. */
  private static final class Events {
    @Nullable String lastId;
    /** Events delivered after the one that set {@link #lastId}: a resumed stream sends them again. */
    long sinceId;
    long delivered;
    @Nullable Duration retry;

    /** Delivers the events' lines; returns null at a clean end, else the failure. */
    @Nullable IOException read(BufferedSource source, Consumer<String> lines) {
      EventStreamParser parser = new EventStreamParser(source, lastId);
      long skip = sinceId;
      long deliveredHere = 0;
      try {
        for (EventStreamParser.Event event; (event = parser.next()) != null; ) {
          if (skip > 0) {
            skip--;
            continue;
          }
          delivered++;
          deliveredHere++;
          for (String line : event.data().split("\n", -1)) lines.accept(line);
        }
        return null;
      } catch (IOException e) {
        return e;
      } finally {
        if (parser.retry() != null) retry = parser.retry();
        if (parser.idSeen()) {
          lastId = parser.lastEventId();
          // An empty id makes the next request start over: skip everything delivered.
          sinceId = lastId == null || lastId.isEmpty() ? delivered : parser.eventsSinceLastId();
        } else {
          sinceId += deliveredHere;
        }
      }
    }
  }

  /** Delivers complete lines; returns the new offset at a clean end. */
  private static long readLines(BufferedSource source, long offset, Consumer<String> lines)
      throws Progressed {
    try {
      while (true) {
        long newline = source.indexOf((byte) '\n');
        if (newline == -1) {
          if (!source.exhausted()) {
            long rest = source.getBuffer().size();
            lines.accept(strip(source.readUtf8()));
            offset += rest;
          }
          return offset;
        }
        String line = source.readUtf8(newline + 1);
        offset += newline + 1;
        lines.accept(strip(line.substring(0, line.length() - 1)));
      }
    } catch (IOException e) {
      throw new Progressed(offset, e);
    }
  }

  private static String strip(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  /** A read failed after delivering lines up to {@code offset}. */
  private static final class Progressed extends Exception {
    private static final long serialVersionUID = 1L;
    final long offset;
    final transient IOException cause;

    Progressed(long offset, IOException cause) {
      super(cause);
      this.offset = offset;
      this.cause = cause;
    }
  }

  /** The default pause between reconnections: 200 ms growing to 5 s. */
  public static Backoff defaultBackoff() {
    return new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5), 2.0, 0.2);
  }
}
