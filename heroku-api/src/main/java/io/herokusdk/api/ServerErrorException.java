package io.herokusdk.api;

import org.jspecify.annotations.Nullable;

/** A 5xx answer, after the configured retries for idempotent requests. */
public class ServerErrorException extends HerokuApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link HerokuApiException#HerokuApiException}. */
  public ServerErrorException(int status, @Nullable String id, String message, @Nullable String url,
      @Nullable String requestId, String method, String path) {
    super(status, id, message, url, requestId, method, path);
  }
}
