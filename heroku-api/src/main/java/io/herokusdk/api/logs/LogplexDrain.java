package io.herokusdk.api.logs;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Reads the bodies Heroku's Logplex POSTs to an HTTPS log drain ({@code Content-Type:
 * application/logplex-1}): RFC 6587 octet-counted frames {@code <len> <PRI>1 TIMESTAMP HOST APP
 * PROCID - MSG}, each becoming a {@link LogLine} with source {@code APP} and dyno {@code PROCID}
 * (the same type {@code heroku logs} streams). A frame whose syslog header does not parse is kept
 * whole as a line with source {@value LogLine#UNKNOWN_SOURCE}.
 *
 * <p>Logplex retries a POST it thinks failed with the same {@code Logplex-Frame-Id}: an instance
 * remembers the most recent frame ids (bounded, least recently seen forgotten first) and marks a
 * repeated one {@link DrainBatch#duplicate()}. A frame id is remembered even when its body was
 * bad, because the readable lines were handed over with the {@link DrainBodyException}.
 * Thread-safe; use one instance per drain endpoint.
 *
 * <pre>{@code
 * LogplexDrain drain = LogplexDrain.create();
 * // in the endpoint's handler (JDK HttpServer here):
 * try {
 *   DrainBatch batch = drain.receive(exchange.getRequestHeaders()::getFirst, body);
 *   batch.lines().forEach(sink);                  // empty for a duplicate
 *   exchange.sendResponseHeaders(204, -1);
 * } catch (DrainBodyException e) {
 *   e.lines().forEach(sink);                      // what could be read
 *   exchange.sendResponseHeaders(400, -1);
 * }
 * }</pre>
 */
public final class LogplexDrain {
  /** The content type of drain bodies. */
  public static final String CONTENT_TYPE = "application/logplex-1";
  /** Header: how many frames the body holds. */
  public static final String MSG_COUNT_HEADER = "Logplex-Msg-Count";
  /** Header: the id of this POST; a retry repeats it. */
  public static final String FRAME_ID_HEADER = "Logplex-Frame-Id";
  /** Header: which drain sent it ({@code d.<uuid>}). */
  public static final String DRAIN_TOKEN_HEADER = "Logplex-Drain-Token";
  /** How many frame ids {@link #create()} remembers. */
  public static final int DEFAULT_REMEMBERED_FRAMES = 1000;

  private static final Pattern SYSLOG_PRI = Pattern.compile("<\\d{1,3}>\\d{1,2}");

  private final Map<String, Boolean> recentFrameIds;

  private LogplexDrain(int remembered) {
    this.recentFrameIds = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > remembered;
      }
    };
  }

  /**
   * A drain reader remembering the last {@value #DEFAULT_REMEMBERED_FRAMES} frame ids.
   *
   * @return a new reader that has seen no frame ids yet
   */
  public static LogplexDrain create() {
    return rememberingFrames(DEFAULT_REMEMBERED_FRAMES);
  }

  /**
   * A drain reader remembering the last {@code frameIds} frame ids (at least 1).
   *
   * @param frameIds how many frame ids to remember for duplicate detection, at least 1
   * @return a new reader that has seen no frame ids yet
   * @throws IllegalArgumentException if {@code frameIds} is less than 1
   */
  public static LogplexDrain rememberingFrames(int frameIds) {
    if (frameIds < 1) throw new IllegalArgumentException("frameIds < 1: " + frameIds);
    return new LogplexDrain(frameIds);
  }

  /**
   * Reads one POST.
   *
   * @param header the request's header by name (like {@code Headers::getFirst}), null if absent
   * @param body the whole request body
   * @return the batch; for a frame id seen before, a {@link DrainBatch#duplicate()} one with no
   *     lines, its body unread
   * @throws DrainBodyException if the body is malformed or holds another number of frames than
   *     {@code Logplex-Msg-Count} says; its {@link DrainBodyException#lines()} are the readable
   *     ones
   */
  public DrainBatch receive(UnaryOperator<String> header, byte[] body) throws DrainBodyException {
    Objects.requireNonNull(header, "header == null");
    Objects.requireNonNull(body, "body == null");
    String frameId = header.apply(FRAME_ID_HEADER);
    String drainToken = header.apply(DRAIN_TOKEN_HEADER);
    if (frameId != null && !firstTime(frameId)) {
      return new DrainBatch(frameId, drainToken, true, List.of());
    }
    List<LogLine> lines = parseBody(body);
    String count = header.apply(MSG_COUNT_HEADER);
    if (count != null) {
      long expected;
      try {
        expected = Long.parseLong(count.trim());
      } catch (NumberFormatException e) {
        throw new DrainBodyException(MSG_COUNT_HEADER + " is not a number; the body holds "
            + lines.size() + " frames", 0, -1, lines);
      }
      if (expected != lines.size()) {
        throw new DrainBodyException(MSG_COUNT_HEADER + " says " + expected
            + " frames but the body holds " + lines.size(), 0, -1, lines);
      }
    }
    return new DrainBatch(frameId, drainToken, false, lines);
  }

  private boolean firstTime(String frameId) {
    synchronized (recentFrameIds) {
      return recentFrameIds.put(frameId, Boolean.TRUE) == null;
    }
  }

  /**
   * Reads a body's frames into lines, without the header checks or duplicate detection of {@link
   * #receive}.
   *
   * @param body the whole request body, frames optionally separated by line breaks
   * @return one line per frame, in order
   * @throws DrainBodyException if a length prefix is bad, a frame runs past the end of the body or
   *     a frame is not UTF-8; its {@link DrainBodyException#lines()} are the readable ones
   */
  public static List<LogLine> parseBody(byte[] body) throws DrainBodyException {
    List<LogLine> lines = new ArrayList<>();
    DrainBodyException notUtf8 = null;
    int pos = 0;
    int frame = 0;
    while (true) {
      // Tolerate line breaks between frames; they are outside any frame.
      while (pos < body.length && (body[pos] == '\n' || body[pos] == '\r')) pos++;
      if (pos >= body.length) break;
      frame++;
      int start = pos;
      long length = 0;
      while (pos < body.length && body[pos] >= '0' && body[pos] <= '9' && pos - start < 10) {
        length = length * 10 + (body[pos] - '0');
        pos++;
      }
      if (pos == start || pos >= body.length || body[pos] != ' ') {
        throw new DrainBodyException("Log-drain body frame " + frame + " at byte " + start
            + ": expected an octet count (digits, then a space) as RFC 6587 frames start", frame,
            start, lines);
      }
      pos++;
      if (length > body.length - pos) {
        throw new DrainBodyException("Log-drain body frame " + frame + " at byte " + start
            + ": its length " + length + " runs past the end of the body (" + (body.length - pos)
            + " bytes left); truncated body or wrong length prefix", frame, start, lines);
      }
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(body, pos, (int) length)).toString();
      } catch (CharacterCodingException e) {
        text = null;
        if (notUtf8 == null) {
          notUtf8 = new DrainBodyException("Log-drain body frame " + frame + " at byte " + start
              + " is not valid UTF-8; the other frames were read", frame, start, List.of());
        }
      }
      pos += (int) length;
      if (text != null) lines.add(syslog(text));
    }
    if (notUtf8 != null) {
      throw new DrainBodyException(notUtf8.getMessage(), notUtf8.frame(), notUtf8.offset(), lines);
    }
    return lines;
  }

  // <PRI>1 TIMESTAMP HOST APP PROCID MSGID MSG (Logplex sends no structured data)
  static LogLine syslog(String frame) {
    String raw = frame.endsWith("\n") ? frame.substring(0, frame.length() - 1) : frame;
    String[] parts = raw.split(" ", 7);
    if (parts.length < 6 || !SYSLOG_PRI.matcher(parts[0]).matches()) {
      return LogLine.unparsed(raw);
    }
    OffsetDateTime timestamp = LogLine.timestamp(parts[1]);
    if (timestamp == null || parts[3].isEmpty()) return LogLine.unparsed(raw);
    String procId = parts[4].equals("-") ? "" : parts[4];
    String message = parts.length == 7 ? parts[6] : "";
    return new LogLine(timestamp, parts[3], procId, message, raw);
  }
}
