package io.herokusdk.api.logs;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One line of an app's log, as {@code heroku logs} shows it: {@code TIMESTAMP SOURCE[DYNO]:
 * MESSAGE}, like {@code 2024-05-01T12:00:00.123456+00:00 app[web.1]: Started GET "/"}.
 *
 * <p>{@link #parse(String)} never throws on garbage: a line that does not have that shape is kept
 * whole as the message of a line with source {@value #UNKNOWN_SOURCE}, no dyno and no timestamp
 * ({@link #isWellFormed()} false), so a stream or drain loses nothing.
 *
 * <p>Heroku splits a message longer than {@value #MAX_MESSAGE_BYTES} bytes into several lines with
 * the same source and dyno. They are not joined again: each piece is its own line, and {@link
 * #maySplit()} tells that the next piece may continue this one.
 *
 * @param timestamp when it was logged, with the offset Heroku wrote (microseconds kept); null only
 *     for a line that is not well formed
 * @param source {@code app}, {@code heroku} or another source; {@value #UNKNOWN_SOURCE} for a line
 *     that is not well formed
 * @param dyno the dyno or process, like {@code web.1}, {@code router}, {@code api}; empty if none
 * @param message what was logged, after {@code ": "}
 * @param raw the whole line as received, without its line ending
 */
public record LogLine(@Nullable OffsetDateTime timestamp, String source, String dyno,
    String message, String raw) {
  /** The source of a line that is not {@code TIMESTAMP SOURCE[DYNO]: MESSAGE}. */
  public static final String UNKNOWN_SOURCE = "unknown";
  /** Heroku splits longer log messages into several lines. */
  public static final int MAX_MESSAGE_BYTES = 10_000;

  /**
   * Checks that only the timestamp may be null.
   *
   * @param timestamp when it was logged, or null for a line that is not well formed
   * @param source the source, like {@code app}; not null
   * @param dyno the dyno or process, or empty; not null
   * @param message what was logged, not null
   * @param raw the whole line without its line ending, not null
   */
  public LogLine {
    Objects.requireNonNull(source, "source == null");
    Objects.requireNonNull(dyno, "dyno == null");
    Objects.requireNonNull(message, "message == null");
    Objects.requireNonNull(raw, "raw == null");
  }

  /**
   * Parses one line of {@code heroku logs} output (a trailing {@code \n} or {@code \r\n} is
   * dropped). Never throws on malformed input; see {@link LogLine}.
   *
   * @param line one line of output, not null
   * @return the line's fields; a line of another shape is kept whole as the message, with source
   *     {@value #UNKNOWN_SOURCE}
   */
  public static LogLine parse(String line) {
    Objects.requireNonNull(line, "line == null");
    String raw = stripLineEnd(line);
    int space = raw.indexOf(' ');
    if (space <= 0) return unparsed(raw);
    OffsetDateTime timestamp = timestamp(raw.substring(0, space));
    if (timestamp == null) return unparsed(raw);
    String rest = raw.substring(space + 1);
    int colon = rest.indexOf(": ");
    String header;
    String message;
    if (colon >= 0) {
      header = rest.substring(0, colon);
      message = rest.substring(colon + 2);
    } else if (rest.endsWith(":")) {
      header = rest.substring(0, rest.length() - 1);
      message = "";
    } else {
      return unparsed(raw);
    }
    String source = header;
    String dyno = "";
    int open = header.indexOf('[');
    if (open >= 0) {
      if (!header.endsWith("]") || open == 0) return unparsed(raw);
      source = header.substring(0, open);
      dyno = header.substring(open + 1, header.length() - 1);
      if (!isName(dyno)) return unparsed(raw);
    }
    if (source.isEmpty() || !isName(source)) return unparsed(raw);
    return new LogLine(timestamp, source, dyno, message, raw);
  }

  /** A line kept whole because it is not {@code TIMESTAMP SOURCE[DYNO]: MESSAGE}. */
  static LogLine unparsed(String raw) {
    return new LogLine(null, UNKNOWN_SOURCE, "", raw, raw);
  }

  /** Parses an RFC 3339 / RFC 5424 timestamp, or returns null. */
  static @Nullable OffsetDateTime timestamp(String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * True if this line had the shape {@code TIMESTAMP SOURCE[DYNO]: MESSAGE}.
   *
   * @return true if it parsed, false if it is kept whole as its message (no timestamp)
   */
  public boolean isWellFormed() {
    return timestamp != null;
  }

  /**
   * True for the router's lines: source {@code heroku}, dyno {@code router}.
   *
   * @return true if {@link #router()} has this line's fields
   */
  public boolean isRouter() {
    return source.equals("heroku") && dyno.equals("router");
  }

  /**
   * This line's fields if it is a router line, else empty.
   *
   * @return the message parsed as a {@link RouterLine}, or empty unless {@link #isRouter()}
   */
  public Optional<RouterLine> router() {
    return isRouter() ? Optional.of(RouterLine.parse(message)) : Optional.empty();
  }

  /**
   * The Heroku error code this line reports, if any; see {@link HerokuErrorCode#in(LogLine)}.
   *
   * @return the code, like {@link HerokuErrorCode#H12}, or empty
   */
  public Optional<HerokuErrorCode> errorCode() {
    return HerokuErrorCode.in(this);
  }

  /**
   * True if the message is {@value #MAX_MESSAGE_BYTES} bytes or longer in UTF-8: Heroku split it
   * and the next line of the same source and dyno may continue it.
   *
   * @return true if the message is long enough to have been split
   */
  public boolean maySplit() {
    return message.length() * 3L >= MAX_MESSAGE_BYTES
        && message.getBytes(StandardCharsets.UTF_8).length >= MAX_MESSAGE_BYTES;
  }

  /** The line as received. */
  @Override
  public String toString() {
    return raw;
  }

  private static String stripLineEnd(String line) {
    int end = line.length();
    if (end > 0 && line.charAt(end - 1) == '\n') end--;
    if (end > 0 && line.charAt(end - 1) == '\r') end--;
    return line.substring(0, end);
  }

  // Sources and dynos: app, heroku, web.1, router, api, web-1234abcde-123ab, run.1234, scheduler.42
  private static boolean isName(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '-' || c == '_';
      if (!ok) return false;
    }
    return true;
  }
}
