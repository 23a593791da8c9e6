package io.herokusdk.api;

import org.jspecify.annotations.Nullable;

/** 429 {@code rate_limit}: the token's request budget is spent, even after the configured retries. */
public class RateLimitedException extends HerokuApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link HerokuApiException#HerokuApiException}. */
  public RateLimitedException(int status, @Nullable String id, String message, @Nullable String url,
      @Nullable String requestId, String method, String path) {
    super(status, id, message, url, requestId, method, path);
  }
}
