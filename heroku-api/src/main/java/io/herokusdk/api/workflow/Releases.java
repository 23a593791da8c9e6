package io.herokusdk.api.workflow;

import io.herokusdk.api.Range;
import io.herokusdk.api.internal.LineStream;
import io.herokusdk.api.internal.Sleeper;
import io.herokusdk.api.internal.WorkflowContext;
import io.herokusdk.api.model.Release;
import io.herokusdk.api.model.ReleaseRollbackRequest;
import io.herokusdk.api.model.ReleaseStatus;
import io.herokusdk.core.Waiter;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An app's releases: the current one, a rollback that waits until it is live, and a release's
 * release-phase output. Get it from {@link Workflows#releases()}. Thread-safe.
 *
 * <pre>{@code
 * Releases releases = heroku.workflows().releases();
 * Release live = releases.current("my-app");
 * releases.rollback("my-app", live.version() - 1);
 * }</pre>
 */
public final class Releases {
  private static final Logger log = LoggerFactory.getLogger(Releases.class);

  private final WorkflowContext context;
  private final Waiter waiter;
  private final LineStream streams;

  Releases(WorkflowContext context, Waiter waiter) {
    this.context = context;
    this.waiter = waiter;
    this.streams = new LineStream(context.streamClient(), LineStream.defaultBackoff(),
        Sleeper.SYSTEM, 8, Clock.systemUTC());
  }

  /**
   * The release the app runs now (the newest with {@code current: true}).
   *
   * @param app the app's name or id
   * @return the current release
   * @throws IllegalStateException if none of the app's 20 newest releases is current (as before
   *     its first deploy)
   */
  public Release current(String app) {
    Objects.requireNonNull(app, "app == null");
    List<Release> newest = context.heroku().releases().list(app)
        .page(Range.by("version", 20, true)).items();
    return newest.stream().filter(r -> Boolean.TRUE.equals(r.current())).findFirst()
        .orElseThrow(() -> new IllegalStateException("app " + app
            + " has no current release among its 20 newest; deploy it first"));
  }

  /**
   * Rolls {@code app} back to release {@code version} (a new release running that version's
   * slug and config) and waits until the new release is live.
   *
   * @param app the app's name or id
   * @param version the version to roll back to ({@code v41} is 41), 1 or more
   * @return the new release, no longer pending
   * @throws IllegalArgumentException if {@code version} is less than 1
   * @throws io.herokusdk.api.NotFoundException if the app or its release {@code version} does not
   *     exist
   * @throws ReleaseFailedException if the new release failed
   * @throws io.herokusdk.core.WaitTimeoutException if it was still pending at the deadline
   */
  public Release rollback(String app, long version) {
    Objects.requireNonNull(app, "app == null");
    if (version < 1) throw new IllegalArgumentException("version < 1: " + version);
    Release target = context.heroku().releases().info(app, String.valueOf(version));
    Release created = context.heroku().releases().rollback(app,
        ReleaseRollbackRequest.builder().release(target.id()).build());
    return await(app, created.id(), line -> { });
  }

  /**
   * Streams release {@code release}'s release-phase output (if it has one) to {@code output},
   * then waits until the release is no longer pending.
   *
   * @param app the app's name or id
   * @param release the release's id or version
   * @param output gets each line of release-phase output as it arrives, on this thread
   * @return the release, no longer pending
   * @throws ReleaseFailedException if it failed, with the last lines of output
   * @throws io.herokusdk.core.WaitTimeoutException if it was still pending at the deadline
   */
  public Release await(String app, String release, Consumer<String> output) {
    return await(app, release, output, new ArrayList<>());
  }

  /**
   * Streams release {@code release}'s release-phase output to {@code lines} until the stream
   * ends, and returns the lines; none if the release has no release phase.
   *
   * @param app the app's name or id
   * @param release the release's id or version
   * @param lines gets each line as it arrives, on this thread
   * @return every line read, oldest first; empty without a release phase
   */
  public List<String> output(String app, String release, Consumer<String> lines) {
    Objects.requireNonNull(lines, "lines == null");
    Release r = context.heroku().releases().info(app, release);
    List<String> seen = new ArrayList<>();
    if (r.outputStreamUrl() != null) stream(app, "release v" + r.version(), r.outputStreamUrl(),
        line -> {
          seen.add(line);
          lines.accept(line);
        });
    return seen;
  }

  Release await(String app, String release, Consumer<String> output, List<String> lines) {
    Objects.requireNonNull(app, "app == null");
    Objects.requireNonNull(release, "release == null");
    Objects.requireNonNull(output, "output == null");
    Consumer<String> both = line -> {
      lines.add(line);
      output.accept(line);
    };
    Release first = context.heroku().releases().info(app, release);
    boolean streamed = false;
    if (first.outputStreamUrl() != null) {
      stream(app, "release v" + first.version(), first.outputStreamUrl(), both);
      streamed = true;
    }
    Release done = waiter.until("release v" + first.version() + " of " + app + " to finish",
        () -> context.heroku().releases().info(app, first.id()),
        r -> r.status() != ReleaseStatus.PENDING);
    if (!streamed && done.outputStreamUrl() != null) {
      stream(app, "release v" + done.version(), done.outputStreamUrl(), both);
    }
    if (done.status() == ReleaseStatus.FAILED) {
      throw new ReleaseFailedException(app, done.id(), done.version(), lines);
    }
    return done;
  }

  /** Reads an output stream; a stream that fails for good is logged, the status decides. */
  void stream(String app, String what, String url, Consumer<String> lines) {
    try {
      int reconnects = streams.read(url, lines, Clock.systemUTC().instant().plus(waiter.timeout()));
      if (reconnects > 0) log.debug("output of {} of {} resumed {} time(s)", what, app, reconnects);
    } catch (IOException e) {
      log.warn("output of {} of {} ended early ({}); waiting for its status instead", what, app,
          e.toString());
    }
  }

  @Override
  public String toString() {
    return "Releases{" + waiter + "}";
  }
}
