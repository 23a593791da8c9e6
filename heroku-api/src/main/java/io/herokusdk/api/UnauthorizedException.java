package io.herokusdk.api;

import org.jspecify.annotations.Nullable;

/** 401 {@code unauthorized}: the token is missing, wrong or expired. */
public class UnauthorizedException extends HerokuApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; see {@link HerokuApiException#HerokuApiException}.
   *
   * @param status the HTTP status, normally 401
   * @param id {@code unauthorized}, or null when the body was not Heroku's JSON
   * @param message Heroku's human-readable message (or a summary of a non-JSON body)
   * @param url Heroku's documentation link for the error, or null
   * @param requestId the {@code Request-Id} of the failed request, or null if unknown
   * @param method the request's HTTP method, like {@code DELETE}
   * @param path the request's path (identities percent-encoded; no query, no host)
   */
  public UnauthorizedException(int status, @Nullable String id, String message, @Nullable String url,
      @Nullable String requestId, String method, String path) {
    super(status, id, message, url, requestId, method, path);
  }
}
