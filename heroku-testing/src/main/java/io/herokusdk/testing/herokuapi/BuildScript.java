package io.herokusdk.testing.herokuapi;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the fake's next build behaves: its output, how long it stays {@code pending} (on the
 * fake's clock), whether it fails, whether its output stream drops once, and the release phase
 * of the release it makes. Immutable; each method returns a changed copy. Give it to {@link
 * FakeHerokuApi#scriptBuild(BuildScript)}.
 *
 * <pre>{@code
 * api.scriptBuild(BuildScript.succeeding()
 *     .lines("-----> Building on the Heroku-24 stack", "-----> Launching...")
 *     .pendingFor(Duration.ofSeconds(45))
 *     .releasePhase("Running migrations", "Done"));
 * }</pre>
 */
public final class BuildScript {
  /** The output of a build nobody scripted. */
  public static final List<String> DEFAULT_LINES = List.of(
      "-----> Building on the Heroku-24 stack", "-----> Using buildpack: heroku/jvm",
      "-----> Compressing...", "       Done: 98.1M", "-----> Launching...",
      "       Released", "       Deployed to Heroku");

  final boolean fails;
  final List<String> lines;
  final Duration pendingFor;
  final int dropStreamAfterLines;
  final Duration lineInterval;
  final boolean stampLines;
  final List<String> releaseLines;
  final boolean releasePhase;
  final boolean releaseFails;
  final Duration releasePendingFor;

  private BuildScript(boolean fails, List<String> lines, Duration pendingFor,
      int dropStreamAfterLines, Duration lineInterval, boolean stampLines,
      List<String> releaseLines, boolean releasePhase, boolean releaseFails,
      Duration releasePendingFor) {
    this.fails = fails;
    this.lines = List.copyOf(lines);
    this.pendingFor = pendingFor;
    this.dropStreamAfterLines = dropStreamAfterLines;
    this.lineInterval = lineInterval;
    this.stampLines = stampLines;
    this.releaseLines = List.copyOf(releaseLines);
    this.releasePhase = releasePhase;
    this.releaseFails = releaseFails;
    this.releasePendingFor = releasePendingFor;
  }

  /**
   * A build that succeeds at once with {@link #DEFAULT_LINES}, and a release without a release
   * phase.
   *
   * @return the default script, to change with the other methods
   */
  public static BuildScript succeeding() {
    return new BuildScript(false, DEFAULT_LINES, Duration.ZERO, -1, Duration.ZERO, false,
        List.of(), false, false, Duration.ZERO);
  }

  /**
   * A build that fails (no release), printing {@code lines}.
   *
   * @param lines the build's output, one line each, without line breaks
   * @return a script for a failing build, otherwise like {@link #succeeding()}
   * @throws IllegalArgumentException if a line contains a line break
   */
  public static BuildScript failing(String... lines) {
    return succeeding().withFails(true).lines(lines);
  }

  private BuildScript withFails(boolean fails) {
    return new BuildScript(fails, lines, pendingFor, dropStreamAfterLines, lineInterval,
        stampLines, releaseLines, releasePhase, releaseFails, releasePendingFor);
  }

  /**
   * The build's output lines.
   *
   * @param lines the output, one line each, without line breaks (default {@link #DEFAULT_LINES})
   * @return a copy with these lines
   * @throws IllegalArgumentException if a line contains a line break
   */
  public BuildScript lines(String... lines) {
    return lines(List.of(lines));
  }

  /**
   * The build's output lines.
   *
   * @param lines the output, one line each, without line breaks (default {@link #DEFAULT_LINES})
   * @return a copy with these lines
   * @throws IllegalArgumentException if a line contains a line break
   */
  public BuildScript lines(List<String> lines) {
    for (String line : lines) {
      if (line.contains("\n")) throw new IllegalArgumentException("a line with a line break");
    }
    return new BuildScript(fails, lines, pendingFor, dropStreamAfterLines, lineInterval,
        stampLines, releaseLines, releasePhase, releaseFails, releasePendingFor);
  }

  /**
   * How long the build stays {@code pending} on the fake's clock (default 0).
   *
   * @param duration the time from the build's creation until it succeeds or fails, zero or
   *     positive
   * @return a copy with this wait
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public BuildScript pendingFor(Duration duration) {
    return new BuildScript(fails, lines, nonNegative(duration), dropStreamAfterLines,
        lineInterval, stampLines, releaseLines, releasePhase, releaseFails, releasePendingFor);
  }

  /**
   * The first request for the output stream closes the connection after {@code lines} whole
   * lines and half of the next; later requests (with {@code Range}) are served whole.
   *
   * @param lines how many whole lines the first response carries, zero or more (default: the
   *     stream never drops)
   * @return a copy that drops the first stream
   * @throws IllegalArgumentException if {@code lines} is negative
   */
  public BuildScript dropStreamAfter(int lines) {
    if (lines < 0) throw new IllegalArgumentException("lines < 0");
    return new BuildScript(fails, this.lines, pendingFor, lines, lineInterval, stampLines,
        releaseLines, releasePhase, releaseFails, releasePendingFor);
  }

  /**
   * A real-time pause before each line of the output stream (default none).
   *
   * @param interval the wall-clock pause, not the fake's clock; zero or positive
   * @return a copy with this pause
   * @throws IllegalArgumentException if {@code interval} is negative
   */
  public BuildScript lineInterval(Duration interval) {
    return new BuildScript(fails, lines, pendingFor, dropStreamAfterLines, nonNegative(interval),
        stampLines, releaseLines, releasePhase, releaseFails, releasePendingFor);
  }

  /**
   * Appends {@code " @<System.nanoTime()>"} to each line when the fake writes it, for
   * measuring in the same JVM how soon a client sees a line. Not with {@link
   * #dropStreamAfter(int)} (a resumed stream would not match).
   *
   * @return a copy that stamps its lines
   */
  public BuildScript stampLines() {
    return new BuildScript(fails, lines, pendingFor, dropStreamAfterLines, lineInterval, true,
        releaseLines, releasePhase, releaseFails, releasePendingFor);
  }

  /**
   * The release gets a release phase that succeeds printing {@code lines}.
   *
   * @param lines the release phase's output, one line each
   * @return a copy with a succeeding release phase
   */
  public BuildScript releasePhase(String... lines) {
    return new BuildScript(fails, this.lines, pendingFor, dropStreamAfterLines, lineInterval,
        stampLines, List.of(lines), true, false, releasePendingFor);
  }

  /**
   * The release gets a release phase that fails printing {@code lines}; the old release stays
   * live.
   *
   * @param lines the release phase's output, one line each
   * @return a copy with a failing release phase
   */
  public BuildScript releasePhaseFails(String... lines) {
    return new BuildScript(fails, this.lines, pendingFor, dropStreamAfterLines, lineInterval,
        stampLines, List.of(lines), true, true, releasePendingFor);
  }

  /**
   * How long the release stays {@code pending} on the fake's clock (default 0).
   *
   * @param duration the time from the release's creation until it succeeds or fails, zero or
   *     positive
   * @return a copy with this wait
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public BuildScript releasePendingFor(Duration duration) {
    return new BuildScript(fails, lines, pendingFor, dropStreamAfterLines, lineInterval,
        stampLines, releaseLines, releasePhase, releaseFails, nonNegative(duration));
  }

  private static Duration nonNegative(Duration d) {
    Objects.requireNonNull(d, "duration == null");
    if (d.isNegative()) throw new IllegalArgumentException("negative: " + d);
    return d;
  }

  @Override
  public String toString() {
    return "BuildScript[" + (fails ? "fails" : "succeeds") + " after " + pendingFor + ", "
        + lines.size() + " lines" + (releasePhase ? ", release phase " + (releaseFails
        ? "fails" : "succeeds") : "") + "]";
  }
}
