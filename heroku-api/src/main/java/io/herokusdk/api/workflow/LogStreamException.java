package io.herokusdk.api.workflow;

import org.jspecify.annotations.Nullable;

/**
 * A log stream that failed in a way reconnecting does not fix: a non-tail stream that dropped
 * before its end, or a log stream URL answering an unexpected status.
 */
public final class LogStreamException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The app's name or id, as given to {@link Logs#open}. */
  private final String app;

  LogStreamException(String app, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.app = app;
  }

  /**
   * The app whose logs were streamed.
   *
   * @return the app's name or id, as given to {@link Logs#open}
   */
  public String app() {
    return app;
  }
}
