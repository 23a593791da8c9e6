package io.herokusdk.api;

import org.jspecify.annotations.Nullable;

/** 401 {@code unauthorized}: the token is missing, wrong or expired. */
public class UnauthorizedException extends HerokuApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link HerokuApiException#HerokuApiException}. */
  public UnauthorizedException(int status, @Nullable String id, String message, @Nullable String url,
      @Nullable String requestId, String method, String path) {
    super(status, id, message, url, requestId, method, path);
  }
}
