package io.herokusdk.api;

import org.jspecify.annotations.Nullable;

/** 422 {@code invalid_params}: the request body did not validate. */
public class InvalidParamsException extends HerokuApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link HerokuApiException#HerokuApiException}. */
  public InvalidParamsException(int status, @Nullable String id, String message, @Nullable String url,
      @Nullable String requestId, String method, String path) {
    super(status, id, message, url, requestId, method, path);
  }
}
