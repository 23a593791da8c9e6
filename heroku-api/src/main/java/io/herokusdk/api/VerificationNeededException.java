package io.herokusdk.api;

import org.jspecify.annotations.Nullable;

/** 422 {@code verification_needed}: the account must be verified (a payment method) first. */
public class VerificationNeededException extends HerokuApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link HerokuApiException#HerokuApiException}. */
  public VerificationNeededException(int status, @Nullable String id, String message, @Nullable String url,
      @Nullable String requestId, String method, String path) {
    super(status, id, message, url, requestId, method, path);
  }
}
