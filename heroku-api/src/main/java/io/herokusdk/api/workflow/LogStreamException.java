package io.herokusdk.api.workflow;

import org.jspecify.annotations.Nullable;

/**
 * A log stream that failed in a way reconnecting does not fix: a non-tail stream that dropped
 * before its end, or a log stream URL answering an unexpected status.
 */
public final class LogStreamException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String app;

  LogStreamException(String app, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.app = app;
  }

  /** The app whose logs were streamed. */
  public String app() {
    return app;
  }
}
