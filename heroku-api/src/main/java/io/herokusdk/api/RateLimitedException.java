package io.herokusdk.api;

import org.jspecify.annotations.Nullable;

/** 429 {@code rate_limit}: the token's request budget is spent, even after the configured retries. */
public class RateLimitedException extends HerokuApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; see {@link HerokuApiException#HerokuApiException}.
   *
   * @param status the HTTP status, normally 429
   * @param id {@code rate_limit}, or null when the body was not Heroku's JSON
   * @param message Heroku's human-readable message (or a summary of a non-JSON body)
   * @param url Heroku's documentation link for the error, or null
   * @param requestId the {@code Request-Id} of the failed request, or null if unknown
   * @param method the request's HTTP method, like {@code DELETE}
   * @param path the request's path (identities percent-encoded; no query, no host)
   */
  public RateLimitedException(int status, @Nullable String id, String message, @Nullable String url,
      @Nullable String requestId, String method, String path) {
    super(status, id, message, url, requestId, method, path);
  }
}
