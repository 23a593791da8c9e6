package io.herokusdk.api.workflow;

import io.herokusdk.api.logs.LogLine;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Logs#open} asks Heroku for: how many past lines, whether to tail, which source and
 * dyno, and a filter of its own. Immutable; {@link #builder()}.
 */
public final class LogOptions {
  /** The past lines a session starts with unless set, as {@code heroku logs}. */
  public static final int DEFAULT_LINES = 100;
  /** Heroku's tail buffer keeps this many lines; no session returns more past lines. */
  public static final int MAX_LINES = 1500;

  private static final Pattern FIR_DYNO = Pattern.compile(".+-[0-9a-z]{8,10}-[0-9a-z]{5}");

  private final int lines;
  private final boolean tail;
  private final @Nullable String source;
  private final @Nullable String dyno;
  private final Predicate<LogLine> filter;
  private final int replayLines;

  private LogOptions(Builder b) {
    this.lines = b.lines;
    this.tail = b.tail;
    this.source = b.source;
    this.dyno = b.dyno;
    this.filter = b.filter;
    this.replayLines = b.replayLines;
  }

  /**
   * Returns a builder: 100 past lines, no tail, every source and dyno.
   *
   * @return a new builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * How many past lines the first session starts with.
   *
   * @return 0 to {@value #MAX_LINES}; {@value #DEFAULT_LINES} by default
   */
  public int lines() {
    return lines;
  }

  /**
   * Whether the stream goes on with new lines (and reconnects) after the past ones.
   *
   * @return true to tail until closed, false (the default) to end after the past lines
   */
  public boolean tail() {
    return tail;
  }

  /**
   * The source to keep ({@code app}, {@code heroku}), or null for all.
   *
   * @return the source, or null (the default) for every source
   */
  public @Nullable String source() {
    return source;
  }

  /**
   * The dyno ({@code web.1}) or process type ({@code web}) to keep, or null for all.
   *
   * @return the dyno or process type, or null (the default) for every dyno
   */
  public @Nullable String dyno() {
    return dyno;
  }

  /**
   * The client-side filter every line must pass.
   *
   * @return the filter; by default one that passes every line
   */
  public Predicate<LogLine> filter() {
    return filter;
  }

  /**
   * How many past lines a reconnecting tail asks for to cover the gap (duplicates skipped).
   *
   * @return 0 to {@value #MAX_LINES}; {@value #DEFAULT_LINES} by default
   */
  public int replayLines() {
    return replayLines;
  }

  /** True if {@code line} passes the source, dyno and filter. */
  boolean accepts(LogLine line) {
    if (source != null && !source.equals(line.source())) return false;
    if (dyno != null && !dynoMatches(dyno, line.dyno())) return false;
    return filter.test(line);
  }

  /** {@code web.1} matches itself; type {@code web} matches {@code web.N} and {@code web-...}. */
  static boolean dynoMatches(String wanted, String dyno) {
    if (dyno.equals(wanted)) return true;
    if (isDynoName(wanted)) return false;
    return dyno.startsWith(wanted + ".") || dyno.startsWith(wanted + "-");
  }

  /** A dyno name ({@code web.1}, Fir's {@code web-1234abcde-123ab}) rather than a process type. */
  static boolean isDynoName(String dyno) {
    return dyno.contains(".") || FIR_DYNO.matcher(dyno).matches();
  }

  @Override
  public String toString() {
    return "LogOptions{lines=" + lines + (tail ? ", tail" : "")
        + (source == null ? "" : ", source=" + source) + (dyno == null ? "" : ", dyno=" + dyno)
        + "}";
  }

  /** Builds {@link LogOptions}. */
  public static final class Builder {
    private int lines = DEFAULT_LINES;
    private boolean tail;
    private @Nullable String source;
    private @Nullable String dyno;
    private Predicate<LogLine> filter = line -> true;
    private int replayLines = DEFAULT_LINES;

    private Builder() {}

    /**
     * Past lines to start with, 0 to {@value #MAX_LINES} (default 100).
     *
     * @param lines how many of the newest past lines the first session returns; 0 for none
     * @return this builder
     * @throws IllegalArgumentException if {@code lines} is out of range
     */
    public Builder lines(int lines) {
      this.lines = checkLines(lines, "lines");
      return this;
    }

    /**
     * Goes on with new lines as they are logged, reconnecting when the stream ends or drops.
     *
     * @param tail true to tail until the stream is closed; false (the default) to end after the
     *     past lines
     * @return this builder
     */
    public Builder tail(boolean tail) {
      this.tail = tail;
      return this;
    }

    /**
     * Keeps only lines of this source, like {@code app} or {@code heroku}.
     *
     * @param source the source, asked of Heroku and checked again here; null (the default) for
     *     every source
     * @return this builder
     */
    public Builder source(@Nullable String source) {
      this.source = source;
      return this;
    }

    /**
     * Keeps only lines of this dyno ({@code web.1}) or process type ({@code web}).
     *
     * @param dyno a dyno name ({@code web.1}, or Fir's {@code web-1234abcde-123ab}) or a process
     *     type, asked of Heroku and checked again here; null (the default) for every dyno
     * @return this builder
     */
    public Builder dyno(@Nullable String dyno) {
      this.dyno = dyno;
      return this;
    }

    /**
     * Keeps only lines that pass {@code filter} too (applied in this process).
     *
     * @param filter tested on each line after the source and dyno checks, on the reading thread
     * @return this builder
     */
    public Builder filter(Predicate<LogLine> filter) {
      this.filter = Objects.requireNonNull(filter, "filter == null");
      return this;
    }

    /**
     * Past lines a reconnecting tail asks for, 0 to {@value #MAX_LINES} (default 100): lines
     * logged while disconnected are not lost if there were fewer than this many.
     *
     * @param replayLines how many past lines each new session after the first asks for
     * @return this builder
     * @throws IllegalArgumentException if {@code replayLines} is out of range
     */
    public Builder replayLines(int replayLines) {
      this.replayLines = checkLines(replayLines, "replayLines");
      return this;
    }

    /**
     * Returns the options.
     *
     * @return new immutable options with this builder's settings
     */
    public LogOptions build() {
      return new LogOptions(this);
    }

    private static int checkLines(int lines, String name) {
      if (lines < 0 || lines > MAX_LINES) {
        throw new IllegalArgumentException(name + " must be 0.." + MAX_LINES + ": " + lines);
      }
      return lines;
    }
  }
}
