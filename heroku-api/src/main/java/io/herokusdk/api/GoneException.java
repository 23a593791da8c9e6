package io.herokusdk.api;

import org.jspecify.annotations.Nullable;

/** 410 {@code gone}: the resource or endpoint no longer exists. */
public class GoneException extends HerokuApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link HerokuApiException#HerokuApiException}. */
  public GoneException(int status, @Nullable String id, String message, @Nullable String url,
      @Nullable String requestId, String method, String path) {
    super(status, id, message, url, requestId, method, path);
  }
}
