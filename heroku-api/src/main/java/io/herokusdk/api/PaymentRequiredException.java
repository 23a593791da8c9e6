package io.herokusdk.api;

import org.jspecify.annotations.Nullable;

/** 402 {@code delinquent}: the account is delinquent. */
public class PaymentRequiredException extends HerokuApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link HerokuApiException#HerokuApiException}. */
  public PaymentRequiredException(int status, @Nullable String id, String message, @Nullable String url,
      @Nullable String requestId, String method, String path) {
    super(status, id, message, url, requestId, method, path);
  }
}
