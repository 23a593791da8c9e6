package io.herokusdk.api.logs;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An HTTPS log-drain body that is not what Logplex sends: a bad length prefix, a frame that runs
 * past the end, a frame that is not UTF-8, or a frame count that differs from {@code
 * Logplex-Msg-Count}. Nothing parseable is lost: {@link #lines()} holds every frame that could be
 * read (all frames before a broken length prefix; all other frames when one frame is not UTF-8 or
 * the count differs). The message names the frame and byte offset, never the frame's content.
 */
public final class DrainBodyException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The 1-based frame at fault, or 0; see {@link #frame()}. */
  private final int frame;
  /** The byte offset of the fault, or -1; see {@link #offset()}. */
  private final long offset;
  private final transient List<LogLine> lines;

  DrainBodyException(@Nullable String message, int frame, long offset, List<LogLine> lines) {
    super(message);
    this.frame = frame;
    this.offset = offset;
    this.lines = List.copyOf(lines);
  }

  /**
   * The 1-based number of the frame at fault, or 0 if the fault is the whole body's.
   *
   * @return the frame number in body order, from 1; 0 when {@code Logplex-Msg-Count} is not a
   *     number or does not match
   */
  public int frame() {
    return frame;
  }

  /**
   * The byte offset in the body where the fault is, or -1 if the fault is the whole body's.
   *
   * @return the offset of the faulty frame's length prefix, counting from 0; or -1
   */
  public long offset() {
    return offset;
  }

  /**
   * The lines of every frame that could be read, in order.
   *
   * @return the lines, unmodifiable; empty after deserialization, as they are not serialized
   */
  public List<LogLine> lines() {
    return lines == null ? List.of() : lines;
  }
}
