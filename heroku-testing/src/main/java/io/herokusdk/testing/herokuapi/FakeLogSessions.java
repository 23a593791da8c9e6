package io.herokusdk.testing.herokuapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.SocketEffect;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/**
 * Log sessions: {@code POST /apps/{app}/log-sessions} answers a {@code logplex_url} under {@code
 * /_fake/log-sessions/}, which streams the app's scripted lines as chunked {@code text/plain}:
 * the last {@code lines} of its buffer (Heroku keeps 1,500) that pass {@code source} and {@code
 * dyno}/{@code dyno_name}/{@code type}, then, with {@code tail}, new lines as they are added. An
 * idle tail sends a blank line every {@value #KEEP_ALIVE_MILLIS} ms so that it notices a client
 * that left. On Fir apps the stream is Server-Sent Events instead ({@code text/event-stream}, one
 * event per line with the line's number in the app's log as id, a comment as keep-alive), and a
 * request with {@code Last-Event-Id} gets every buffered line after that id, then the tail. Streams are written by the server's threads, outside the fake's lock; the buffers
 * have a lock of their own.
 */
final class FakeLogSessions implements FakeResource {
  /** Heroku's tail buffer: the last 1,500 lines of an app. */
  static final int BUFFER_LINES = 1500;
  static final int KEEP_ALIVE_MILLIS = 200;

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);
  // TIMESTAMP SOURCE[DYNO]: MESSAGE
  private static final Pattern LINE =
      Pattern.compile("^\\S+ ([^\\s\\[:]+)(?:\\[([^\\]\\s]*)\\])?:");

  private final FakeHerokuApi fake;
  /** Guards the buffers, scripts and generations; stream writers wait on it. */
  private final Object lock = new Object();
  private final Map<String, AppLog> logs = new HashMap<>();
  private final Map<String, Session> sessions = new HashMap<>();
  private long generation;

  FakeLogSessions(FakeHerokuApi fake) {
    this.fake = fake;
  }

  private record Entry(long seq, String line, String source, String dyno) {}

  /** A log session; {@code events}: served as Server-Sent Events (a Fir app). */
  private record Session(String id, String appId, int lines, boolean tail, @Nullable String source,
      @Nullable String dyno, String createdAt, boolean events) {}

  /** One app's buffer and scripted stream failures. */
  private static final class AppLog {
    final Deque<Entry> buffer = new ArrayDeque<>();
    long nextSeq = 1;
    Instant lastTimestamp = Instant.EPOCH;
    int dropAfter = -1;
    int reject;
    long ended;
    final List<String> resumes = new ArrayList<>();
  }

  @Override
  public @Nullable FakeReply api(FakeRequest request) {
    if (!request.matches("apps", "*", "log-sessions")) return null;
    if (!request.method().equals("POST")) return null;
    FakeHerokuApi.AppState app = fake.findApp(request.segment(1));
    if (app == null) return FakeReply.notFound("app");
    Map<String, Object> body = FakeHerokuApi.parseObject(request.body());
    int lines = lines(body.get("lines"));
    Object tail = body.get("tail");
    if (tail != null && !(tail instanceof Boolean)) {
      throw new FakeInvalidParams("tail must be a boolean.");
    }
    String source = FakeHerokuApi.optionalString(body, "source");
    String dyno = FakeHerokuApi.optionalString(body, "dyno_name");
    if (dyno == null) dyno = FakeHerokuApi.optionalString(body, "type");
    if (dyno == null) dyno = FakeHerokuApi.optionalString(body, "dyno"); // what the CLI sends
    String id = UUID.randomUUID().toString();
    String now = fake.now().toString();
    synchronized (lock) {
      sessions.put(id, new Session(id, app.id, lines, Boolean.TRUE.equals(tail), source, dyno,
          now, app.generation.equals("fir")));
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("created_at", now);
    json.put("id", id);
    json.put("logplex_url", fake.rawUrl("log-sessions/" + id));
    json.put("updated_at", now);
    return FakeReply.ok(201, json);
  }

  private static int lines(@Nullable Object value) {
    if (value == null) return 100;
    if (!(value instanceof Double d) || d != Math.floor(d) || d < 0 || d > BUFFER_LINES) {
      throw new FakeInvalidParams("lines must be a whole number from 0 to " + BUFFER_LINES + ".");
    }
    return d.intValue();
  }

  @Override
  public @Nullable MockResponse raw(FakeRequest request) {
    if (!request.matches("log-sessions", "*")) return null;
    Session session;
    StreamPlan plan;
    synchronized (lock) {
      session = sessions.get(request.segment(1));
      if (session == null) return text(404, "Log stream timed out");
      AppLog log = log(session.appId);
      String resumedFrom = request.header("last-event-id");
      log.resumes.add(resumedFrom == null ? "" : resumedFrom);
      if (log.reject > 0) {
        log.reject--;
        return text(403, "Log stream timed out");
      }
      boolean events = session.events;
      String lastEventId = events ? request.header("last-event-id") : null;
      long after;
      try {
        after = lastEventId == null ? -1 : Long.parseLong(lastEventId.trim());
      } catch (NumberFormatException e) {
        return text(400, "unknown Last-Event-Id: " + lastEventId);
      }
      List<Entry> initial = new ArrayList<>();
      for (Entry e : log.buffer) {
        if (matches(session, e) && e.seq > after) initial.add(e);
      }
      if (after < 0) {
        initial = initial.subList(Math.max(0, initial.size() - session.lines), initial.size());
      }
      plan = new StreamPlan(session, new ArrayList<>(initial), log.nextSeq, log.dropAfter,
          log.ended, generation, events);
      log.dropAfter = -1;
    }
    MockResponse.Builder response = new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", plan.events
            ? "text/event-stream; charset=utf-8" : "text/plain; charset=utf-8")
        .body(new StreamBody(plan))
        .removeHeader("Content-Length")
        .addHeader("Transfer-Encoding", "chunked");
    if (plan.dropAfter >= 0) response.onResponseEnd(new SocketEffect.CloseSocket());
    return response.build();
  }

  private static MockResponse text(int code, String text) {
    return new MockResponse.Builder().code(code)
        .addHeader("Content-Type", "text/plain; charset=utf-8").body(text).build();
  }

  private static boolean matches(Session session, Entry entry) {
    if (session.source != null && !session.source.equals(entry.source)) return false;
    if (session.dyno == null || session.dyno.equals(entry.dyno)) return true;
    boolean name = session.dyno.contains(".");
    return !name && (entry.dyno.startsWith(session.dyno + ".")
        || entry.dyno.startsWith(session.dyno + "-"));
  }

  private AppLog log(String appId) {
    return logs.computeIfAbsent(appId, id -> new AppLog());
  }

  /** Appends lines as Heroku formats them to the app's buffer; open tails receive them. */
  void add(FakeHerokuApi.AppState app, List<String> lines) {
    synchronized (lock) {
      AppLog log = log(app.id);
      for (String line : lines) {
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
          throw new IllegalArgumentException("a log line cannot hold a line break");
        }
        Matcher m = LINE.matcher(line);
        boolean parsed = m.find();
        String source = parsed ? m.group(1) : "unknown";
        String dyno = parsed && m.group(2) != null ? m.group(2) : "";
        log.buffer.addLast(new Entry(log.nextSeq++, line, source, dyno));
        if (log.buffer.size() > BUFFER_LINES) log.buffer.removeFirst();
      }
      lock.notifyAll();
    }
  }

  /** Formats and appends one line with the fake's clock (microseconds, always increasing). */
  String add(FakeHerokuApi.AppState app, String source, String dyno, String message) {
    String line;
    synchronized (lock) {
      AppLog log = log(app.id);
      Instant now = fake.now();
      Instant at = now.isAfter(log.lastTimestamp)
          ? now : log.lastTimestamp.plus(1, ChronoUnit.MICROS);
      log.lastTimestamp = at;
      line = TIMESTAMP.format(at) + " " + source + (dyno.isEmpty() ? "" : "[" + dyno + "]") + ": "
          + message;
    }
    add(app, List.of(line));
    return line;
  }

  /** The next stream of the app writes {@code lines} lines, then drops the connection. */
  void dropNext(FakeHerokuApi.AppState app, int lines) {
    if (lines < 0) throw new IllegalArgumentException("lines < 0");
    synchronized (lock) {
      log(app.id).dropAfter = lines;
    }
  }

  /** The {@code Last-Event-Id} of each stream request of the app, "" for none. */
  List<String> resumes(FakeHerokuApi.AppState app) {
    synchronized (lock) {
      return List.copyOf(log(app.id).resumes);
    }
  }

  /** The next {@code times} stream requests of the app answer 403 (log stream timed out). */
  void rejectNext(FakeHerokuApi.AppState app, int times) {
    if (times < 0) throw new IllegalArgumentException("times < 0");
    synchronized (lock) {
      log(app.id).reject = times;
    }
  }

  /** Ends the app's open tail streams cleanly, as Heroku does when a session times out. */
  void endStreams(FakeHerokuApi.AppState app) {
    synchronized (lock) {
      log(app.id).ended++;
      lock.notifyAll();
    }
  }

  @Override
  public void reset() {
    synchronized (lock) {
      logs.clear();
      sessions.clear();
      generation++;
      lock.notifyAll();
    }
  }

  /** What a stream writes, fixed when it is requested. */
  private record StreamPlan(Session session, List<Entry> initial, long nextSeq, int dropAfter,
      long ended, long generation, boolean events) {}

  /** Writes a stream as chunks, one line each, waiting (outside the fake's lock) for new ones. */
  private final class StreamBody implements MockResponseBody {
    private final StreamPlan plan;

    StreamBody(StreamPlan plan) {
      this.plan = plan;
    }

    @Override
    public long getContentLength() {
      return -1;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      int written = 0;
      for (Entry entry : plan.initial) {
        if (written == plan.dropAfter) return;
        chunk(sink, render(entry));
        written++;
      }
      long seq = plan.nextSeq;
      while (plan.session.tail) {
        List<Entry> fresh = new ArrayList<>();
        synchronized (lock) {
          AppLog log = log(plan.session.appId);
          if (generation != plan.generation || log.ended != plan.ended) break;
          for (Entry e : log.buffer) {
            if (e.seq >= seq && matches(plan.session, e)) fresh.add(e);
          }
          seq = log.nextSeq;
          if (fresh.isEmpty()) {
            try {
              lock.wait(KEEP_ALIVE_MILLIS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
          }
        }
        if (fresh.isEmpty()) {
          chunk(sink, plan.events ? ":\n" : "\n"); // keep-alive: fails once the client has gone
          continue;
        }
        for (Entry entry : fresh) {
          if (written == plan.dropAfter) return;
          chunk(sink, render(entry));
          written++;
        }
      }
      if (written == plan.dropAfter) return;
      sink.writeUtf8("0\r\n"); // the server adds the (empty) trailers' "\r\n"
      sink.flush();
    }

    private String render(Entry entry) {
      return plan.events ? "id: " + entry.seq + "\ndata: " + entry.line + "\n\n" : entry.line + "\n";
    }

    private void chunk(BufferedSink sink, String text) throws IOException {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      sink.writeUtf8(Integer.toHexString(bytes.length)).writeUtf8("\r\n").write(bytes)
          .writeUtf8("\r\n");
      sink.flush();
    }
  }
}
