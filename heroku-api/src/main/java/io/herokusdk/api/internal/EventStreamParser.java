package io.herokusdk.api.internal;

import java.io.IOException;
import java.time.Duration;
import okio.BufferedSource;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code text/event-stream} body (Server-Sent Events) as the WHATWG HTML standard's
 * "event stream interpretation" does: lines end with CRLF, LF or CR; {@code data} fields are
 * joined with {@code \n}; {@code id} (without NUL) sets the last event id, also for an event
 * without data; {@code event} names the event; {@code retry} (digits only) sets the reconnection
 * time; lines starting with {@code :} are comments; other fields are ignored; a blank line
 * ends the event and dispatches it unless it had no {@code data}. An event's id becomes the last
 * event id only when the event ends, so a reconnection never skips an event cut off mid-way. One difference from the standard: an event
 * pending when the body ends cleanly is dispatched (a server that ends a finished stream without
 * the last blank line loses nothing); a body that fails mid-event throws, and that event is not
 * dispatched. Shared by build/release output and log streams. Not API.
 */
public final class EventStreamParser {
  private static final ByteString LINE_ENDS = ByteString.encodeUtf8("\r\n");

  /**
   * One dispatched event.
   *
   * @param type its {@code event} field, {@code message} without one
   * @param data its data, lines joined with {@code \n}, never empty
   * @param lastEventId the stream's last event id when it was dispatched, or null if none was
   *     set
   */
  public record Event(String type, String data, @Nullable String lastEventId) {}

  private final BufferedSource source;
  private @Nullable String lastEventId;
  private @Nullable Duration retry;
  private boolean first = true;
  private boolean skipLf;
  private long dispatched;
  private long dispatchedAtId;

  private final StringBuilder data = new StringBuilder();
  private boolean hasData;
  private @Nullable String type;
  private boolean idInEvent;
  /** The event's id, which becomes the last event id when the event ends (not before). */
  private @Nullable String pendingId;
  private boolean idSeen;

  /**
   * @param lastEventId the last event id of an earlier connection to the same stream, or null
   */
  public EventStreamParser(BufferedSource source, @Nullable String lastEventId) {
    this.source = source;
    this.lastEventId = lastEventId;
  }

  /**
   * The next event, blocking until it is complete; null when the body ended.
   *
   * @throws IOException if the body failed; the event being read is then not dispatched
   */
  public @Nullable Event next() throws IOException {
    while (true) {
      String line = readLine();
      if (line == null) {
        return hasData || idInEvent ? dispatch() : null;
      }
      if (line.isEmpty()) {
        Event event = dispatch();
        if (event != null) return event;
        continue;
      }
      if (line.charAt(0) == ':') continue;
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) value = value.substring(1);
      switch (field) {
        case "data" -> {
          if (hasData) data.append('\n');
          data.append(value);
          hasData = true;
        }
        case "id" -> {
          if (value.indexOf('\0') < 0) {
            pendingId = value;
            idInEvent = true;
          }
        }
        case "event" -> type = value;
        case "retry" -> {
          if (!value.isEmpty() && value.length() < 10 && value.chars().allMatch(
              c -> c >= '0' && c <= '9')) {
            retry = Duration.ofMillis(Long.parseLong(value));
          }
        }
        default -> { } // unknown fields are ignored
      }
    }
  }

  /**
   * The last event id seen (set by the last {@code id} field, even of an event without data),
   * or null if none was; an empty id means "none" to a server.
   */
  public @Nullable String lastEventId() {
    return lastEventId;
  }

  /** The reconnection time from the last valid {@code retry} field, or null. */
  public @Nullable Duration retry() {
    return retry;
  }

  /**
   * How many events were dispatched after the one that set {@link #lastEventId()}: a server that
   * resumes after that id sends them again.
   */
  public long eventsSinceLastId() {
    return dispatched - dispatchedAtId;
  }

  /** Whether an {@code id} field ended an event on this connection. */
  public boolean idSeen() {
    return idSeen;
  }

  private @Nullable Event dispatch() {
    if (idInEvent) lastEventId = pendingId;
    boolean dispatching = hasData;
    Event event = dispatching
        ? new Event(type == null || type.isEmpty() ? "message" : type, data.toString(),
            lastEventId)
        : null;
    if (dispatching) dispatched++;
    if (idInEvent) {
      dispatchedAtId = dispatched;
      idSeen = true;
    }
    data.setLength(0);
    hasData = false;
    type = null;
    idInEvent = false;
    return event;
  }

  /** The next line without its end; null at the end of the body (a last line without an end counts). */
  private @Nullable String readLine() throws IOException {
    if (skipLf) {
      if (source.exhausted()) return null;
      if (source.getBuffer().getByte(0) == '\n') source.skip(1);
      skipLf = false;
    }
    long end = source.indexOfElement(LINE_ENDS);
    String line;
    if (end == -1) {
      if (source.exhausted()) return null;
      line = source.readUtf8();
    } else {
      line = source.readUtf8(end);
      if (source.readByte() == '\r') skipLf = true;
    }
    if (first) {
      first = false;
      if (line.startsWith("\uFEFF")) line = line.substring(1);
    }
    return line;
  }
}
