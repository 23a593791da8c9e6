package io.herokusdk.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * The request failed before a response arrived (connection refused or reset, timeout, TLS
 * failure), after any retries the {@link RetryPolicy} allowed. Never contains the API token.
 */
public final class HerokuConnectionException extends UncheckedIOException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String requestId;

  /** Creates the exception for {@code method path}. */
  public HerokuConnectionException(String method, String path, @Nullable String requestId,
      @Nullable IOException cause) {
    super(method + " " + path + " failed" + (requestId != null ? " (Request-Id " + requestId + ")"
        : "") + ": " + cause, cause);
    this.requestId = requestId;
  }

  /** The {@code Request-Id} the SDK sent. */
  public @Nullable String requestId() {
    return requestId;
  }
}
