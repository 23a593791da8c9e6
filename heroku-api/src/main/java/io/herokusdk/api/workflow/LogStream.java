package io.herokusdk.api.workflow;

import io.herokusdk.api.internal.EventStreamParser;
import io.herokusdk.api.internal.WorkflowContext;
import io.herokusdk.api.logs.LogLine;
import io.herokusdk.api.model.LogSession;
import io.herokusdk.api.model.LogSessionCreateRequest;
import io.herokusdk.core.Waiter;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An app's log lines as they arrive, from {@link Logs#open}: an {@link Iterator} whose {@link
 * #hasNext()} blocks until the next line (or the end), and a {@link #stream()}. Read it on one
 * thread; {@link #close()} from any thread stops it (a blocked {@code hasNext()} then returns
 * false).
 *
 * <p>Without {@link LogOptions#tail()} it ends after the past lines; a drop before the end throws
 * {@link LogStreamException}. With tail it goes on until closed: when the stream ends, drops, or
 * its URL answers 403/404 (Heroku's "log stream timed out") or 5xx, it creates a new session
 * asking for {@link LogOptions#replayLines()} past lines and skips those already delivered (the
 * last 1,500 lines are remembered, and replayed lines older than the last one delivered are
 * skipped), so lines logged during the gap are neither lost nor repeated. Failed attempts are
 * retried with the workflows' {@link Waiter} interval until its deadline ({@link
 * io.herokusdk.core.WaitTimeoutException}); a session that ended without a line waits one
 * interval before the next. Errors of the Platform API (app not found, unauthorized) are thrown
 * as they are.
 *
 * <p>Blank lines are skipped (keep-alives). A {@code text/event-stream} body (Fir) is read as
 * Server-Sent Events, each event's data giving its line(s); when such a tail drops, it first asks
 * the same URL again with {@code Last-Event-Id} (no new session, nothing replayed) and creates a
 * new session only if that fails.
 */
public final class LogStream implements Iterator<LogLine>, Closeable {
  private static final Logger log = LoggerFactory.getLogger(LogStream.class);
  private static final int REMEMBERED_LINES = LogOptions.MAX_LINES;

  private final WorkflowContext context;
  private final Waiter waiter;
  private final String app;
  private final LogOptions options;
  private final OkHttpClient client;
  private final LinkedHashSet<String> recentRaw = new LinkedHashSet<>();
  private volatile boolean closed;
  private volatile @Nullable Call call;
  private @Nullable Connection connection;
  private @Nullable LogLine next;
  private @Nullable OffsetDateTime lastTimestamp;
  private boolean started;
  private boolean finished;
  private int replayRemaining;
  private int sessions;
  private boolean pauseBeforeNextSession;
  /** Where a dropped event-stream tail resumes, or null to create a new session. */
  private @Nullable Resume resume;

  LogStream(WorkflowContext context, Waiter waiter, String app, LogOptions options) {
    this.context = context;
    this.waiter = waiter;
    this.app = app;
    this.options = options;
    // A quiet tail sends nothing for minutes: no read timeout while tailing.
    this.client = options.tail()
        ? context.streamClient().newBuilder().readTimeout(Duration.ZERO).build()
        : context.streamClient();
  }

  /**
   * How many log sessions it created so far (1 + reconnects).
   *
   * @return 0 before the first {@link #hasNext()}; a tail resumed with {@code Last-Event-Id}
   *     creates no session
   */
  public int sessions() {
    return sessions;
  }

  /**
   * Blocks until the next line arrives; false at the end of a non-tail stream or once closed.
   *
   * @throws LogStreamException if a non-tail stream dropped before its end
   * @throws io.herokusdk.core.WaitTimeoutException if reconnecting failed until the deadline
   */
  @Override
  public boolean hasNext() {
    while (next == null) {
      if (closed || finished) return false;
      if (connection == null) {
        connection = connect(!started);
        started = true;
        if (connection == null) return false; // closed meanwhile
      }
      String text;
      try {
        text = connection.readLine();
      } catch (IOException e) {
        if (closed) return false;
        ended(e);
        continue;
      }
      if (text == null) {
        ended(null);
        continue;
      }
      accept(text);
    }
    return true;
  }

  /** The next line; blocks like {@link #hasNext()}. */
  @Override
  public LogLine next() {
    if (!hasNext()) throw new NoSuchElementException("the log stream of " + app + " ended");
    LogLine line = Objects.requireNonNull(next, "hasNext() found a line");
    next = null;
    return line;
  }

  /**
   * The remaining lines as a sequential stream; closing it closes this.
   *
   * @return an ordered stream of the lines this iterator has yet to return; reading it blocks
   *     like {@link #hasNext()}
   */
  public Stream<LogLine> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this,
        Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
  }

  /** Stops the stream: cancels the connection; a blocked {@link #hasNext()} returns false. */
  @Override
  public void close() {
    closed = true;
    Call current = call;
    if (current != null) current.cancel();
  }

  @Override
  public String toString() {
    return "LogStream{" + app + ", " + options + (closed ? ", closed" : "") + "}";
  }

  private void accept(String text) {
    Connection current = Objects.requireNonNull(connection, "a line comes from a connection");
    if (text.isBlank()) return;
    current.lines++;
    LogLine line = LogLine.parse(text);
    if (replayRemaining > 0) {
      replayRemaining--;
      if (recentRaw.contains(line.raw())) return;
      if (line.timestamp() != null && lastTimestamp != null
          && line.timestamp().isBefore(lastTimestamp)) {
        return;
      }
    }
    if (!options.accepts(line)) return;
    if (line.timestamp() != null
        && (lastTimestamp == null || line.timestamp().isAfter(lastTimestamp))) {
      lastTimestamp = line.timestamp();
    }
    recentRaw.remove(line.raw());
    recentRaw.add(line.raw());
    if (recentRaw.size() > REMEMBERED_LINES) {
      Iterator<String> oldest = recentRaw.iterator();
      oldest.next();
      oldest.remove();
    }
    next = line;
  }

  private void ended(@Nullable IOException dropped) {
    Connection current = Objects.requireNonNull(connection, "only a connection ends");
    connection = null;
    if (current.response != null) current.response.close();
    if (!options.tail()) {
      if (dropped != null) {
        throw new LogStreamException(app, "The log stream of " + app + " dropped after "
            + current.lines + " lines, before its end; read it again", dropped);
      }
      finished = true;
      return;
    }
    String lastId = current.events == null ? null : current.events.lastEventId();
    if (dropped != null && lastId != null && !lastId.isEmpty()) {
      log.debug("Log stream of {} dropped ({}) after {} lines; resuming it", app,
          dropped.getClass().getSimpleName(), current.lines);
      resume = new Resume(current.url, lastId);
      return;
    }
    log.debug("Log stream of {} {} after {} lines; creating a new session", app,
        dropped == null ? "ended" : "dropped (" + dropped.getClass().getSimpleName() + ")",
        current.lines);
    pauseBeforeNextSession = current.lines == 0;
  }

  private @Nullable Connection connect(boolean first) {
    long lines = first ? options.lines() : options.replayLines();
    boolean pause = pauseBeforeNextSession;
    pauseBeforeNextSession = false;
    boolean[] skipOne = {pause};
    Connection opened = waiter.until("a log session of " + app + " to connect", () -> {
      if (closed) return Connection.CLOSED;
      // A session that ended without a line: let the waiter pause once before the next.
      if (skipOne[0]) {
        skipOne[0] = false;
        return null;
      }
      return tryConnect(lines);
    }, c -> c != null);
    if (opened == Connection.CLOSED) return null;
    // A resumed stream should send only what came after its last id; a server that ignores the
    // id sends the session's past lines again, which the replay check then skips.
    replayRemaining = first ? 0 : opened.resumed
        ? Math.max(options.lines(), options.replayLines()) : (int) lines;
    return opened;
  }

  private @Nullable Connection tryConnect(long lines) {
    Resume from = resume;
    if (from != null) {
      // One try on the same URL; if it fails, the next try creates a new session.
      resume = null;
      return open(from.url, from.lastEventId);
    }
    LogSessionCreateRequest.Builder body = LogSessionCreateRequest.builder()
        .lines(lines).tail(options.tail()).source(options.source());
    String dyno = options.dyno();
    if (dyno != null) {
      if (LogOptions.isDynoName(dyno)) {
        body.dynoName(dyno);
      } else {
        body.type(dyno);
      }
    }
    LogSession session = context.heroku().logSessions().create(app, body.build());
    sessions++;
    if (session.logplexUrl() == null) {
      throw new LogStreamException(app, "The log session of " + app + " has no logplex_url",
          null);
    }
    return open(session.logplexUrl(), null);
  }

  private @Nullable Connection open(String url, @Nullable String lastEventId) {
    Request.Builder request = new Request.Builder().url(url);
    if (lastEventId != null) request.header("Last-Event-Id", lastEventId);
    Call newCall = client.newCall(request.build());
    call = newCall;
    if (closed) newCall.cancel();
    Response response;
    try {
      response = newCall.execute();
    } catch (IOException e) {
      if (closed) return Connection.CLOSED;
      // Not the message: it may hold the session URL, which reads the logs without a token.
      log.debug("Log stream of {} could not be opened: {}", app, e.getClass().getSimpleName());
      return null;
    }
    int code = response.code();
    if (response.isSuccessful()) {
      String type = Objects.requireNonNullElse(response.header("Content-Type"), "");
      return new Connection(response, url, lastEventId,
          type.startsWith("text/event-stream"));
    }
    response.close();
    if (code == 403 || code == 404 || code >= 500) {
      log.debug("Log stream of {} answered {} (timed out); creating a new session", app, code);
      return null;
    }
    throw new LogStreamException(app, "The log stream URL of " + app + " answered " + code
        + " " + response.message(), null);
  }

  private record Resume(String url, String lastEventId) {}

  private static final class Connection {
    static final Connection CLOSED = new Connection(null, "", null, false);

    /** Null only for {@link #CLOSED}, which reads as ended. */
    final @Nullable Response response;
    final String url;
    final boolean resumed;
    final @Nullable EventStreamParser events;
    final Deque<String> pending = new ArrayDeque<>();
    int lines;

    Connection(@Nullable Response response, String url, @Nullable String lastEventId,
        boolean eventStream) {
      this.response = response;
      this.url = url;
      this.resumed = lastEventId != null;
      this.events = eventStream && response != null
          ? new EventStreamParser(response.body().source(), lastEventId) : null;
    }

    @Nullable String readLine() throws IOException {
      if (response == null) return null;
      if (events == null) return response.body().source().readUtf8Line();
      while (pending.isEmpty()) {
        EventStreamParser.Event event = events.next();
        if (event == null) return null;
        pending.addAll(Arrays.asList(event.data().split("\n", -1)));
      }
      return pending.poll();
    }
  }
}
