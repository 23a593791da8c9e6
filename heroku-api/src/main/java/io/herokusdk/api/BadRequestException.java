package io.herokusdk.api;

import org.jspecify.annotations.Nullable;

/** 400 {@code bad_request}: the request was malformed. */
public class BadRequestException extends HerokuApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link HerokuApiException#HerokuApiException}. */
  public BadRequestException(int status, @Nullable String id, String message, @Nullable String url,
      @Nullable String requestId, String method, String path) {
    super(status, id, message, url, requestId, method, path);
  }
}
