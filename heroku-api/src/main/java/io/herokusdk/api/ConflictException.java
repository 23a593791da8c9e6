package io.herokusdk.api;

import org.jspecify.annotations.Nullable;

/** 409 {@code conflict}: the resource is not in a state that allows this. */
public class ConflictException extends HerokuApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link HerokuApiException#HerokuApiException}. */
  public ConflictException(int status, @Nullable String id, String message, @Nullable String url,
      @Nullable String requestId, String method, String path) {
    super(status, id, message, url, requestId, method, path);
  }
}
