package io.herokusdk.api;

import org.jspecify.annotations.Nullable;

/** 403 {@code forbidden} or {@code suspended}: the token may not do this. */
public class ForbiddenException extends HerokuApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link HerokuApiException#HerokuApiException}. */
  public ForbiddenException(int status, @Nullable String id, String message, @Nullable String url,
      @Nullable String requestId, String method, String path) {
    super(status, id, message, url, requestId, method, path);
  }
}
