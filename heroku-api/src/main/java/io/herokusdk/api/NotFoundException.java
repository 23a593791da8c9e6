package io.herokusdk.api;

import org.jspecify.annotations.Nullable;

/** 404 {@code not_found}: no such resource (or no access to it). */
public class NotFoundException extends HerokuApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link HerokuApiException#HerokuApiException}. */
  public NotFoundException(int status, @Nullable String id, String message, @Nullable String url,
      @Nullable String requestId, String method, String path) {
    super(status, id, message, url, requestId, method, path);
  }
}
