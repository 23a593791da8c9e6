package io.herokusdk.api.workflow;

import io.herokusdk.api.internal.WorkflowContext;
import io.herokusdk.api.logs.LogLine;
import io.herokusdk.core.Waiter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An app's logs as {@code heroku logs} shows them: {@code POST /apps/{app}/log-sessions}, then the
 * session's {@code logplex_url} read line by line as lines arrive (with a client that never sends
 * the API token), each line a {@link LogLine}. Get it from {@link Workflows#logs()}.
 *
 * <pre>{@code
 * try (LogStream logs = heroku.workflows().logs().open("my-app",
 *     LogOptions.builder().tail(true).source("app").dyno("web").build())) {
 *   logs.forEachRemaining(line -> System.out.println(line.dyno() + " " + line.message()));
 * }
 * }</pre>
 */
public final class Logs {
  private final WorkflowContext context;
  private final Waiter waiter;

  Logs(WorkflowContext context, Waiter waiter) {
    this.context = context;
    this.waiter = waiter;
  }

  /**
   * Opens a stream of {@code app}'s logs. Nothing is requested until the first {@link
   * LogStream#hasNext()}; see {@link LogStream} for reconnects and closing.
   *
   * @param app the app's name or id
   * @param options how many past lines, whether to tail, and which lines to keep
   * @return an open stream; close it when done
   */
  public LogStream open(String app, LogOptions options) {
    Objects.requireNonNull(app, "app == null");
    Objects.requireNonNull(options, "options == null");
    return new LogStream(context, waiter, app, options);
  }

  /**
   * The last {@code lines} lines (0 to 1,500) of {@code app}'s log, oldest first, without tailing.
   *
   * @param app the app's name or id
   * @param lines how many of the newest lines to read, 0 to {@value LogOptions#MAX_LINES}
   * @return the lines read, blank keep-alives skipped; fewer when the log holds fewer
   * @throws IllegalArgumentException if {@code lines} is out of range
   * @throws LogStreamException if the stream dropped before its end
   */
  public List<LogLine> recent(String app, int lines) {
    List<LogLine> result = new ArrayList<>();
    try (LogStream stream = open(app, LogOptions.builder().lines(lines).build())) {
      stream.forEachRemaining(result::add);
    }
    return result;
  }

  @Override
  public String toString() {
    return "Logs{" + context.heroku() + "}";
  }
}
