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

  /** The {@code Request-Id} the SDK sent, or null; see {@link #requestId()}. */
  private final @Nullable String requestId;

  /**
   * Creates the exception for {@code method path}.
   *
   * @param method the request's HTTP method, like {@code GET}
   * @param path the request's path (identities percent-encoded; no query, no host)
   * @param requestId the {@code Request-Id} the request was sent with, or null if unknown
   * @param cause the I/O failure; not null
   */
  public HerokuConnectionException(String method, String path, @Nullable String requestId,
      IOException cause) {
    super(method + " " + path + " failed" + (requestId != null ? " (Request-Id " + requestId + ")"
        : "") + ": " + cause, cause);
    this.requestId = requestId;
  }

  /**
   * The {@code Request-Id} the SDK sent.
   *
   * @return the id (a random UUID unless the caller set the header), or null if unknown
   */
  public @Nullable String requestId() {
    return requestId;
  }
}
