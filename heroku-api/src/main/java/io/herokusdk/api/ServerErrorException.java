package io.herokusdk.api;

import org.jspecify.annotations.Nullable;

/** A 5xx answer, after the configured retries for idempotent requests. */
public class ServerErrorException extends HerokuApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; see {@link HerokuApiException#HerokuApiException}.
   *
   * @param status the HTTP status, 500 or above
   * @param id Heroku's error id if it sent one this SDK has no type for, else null
   * @param message Heroku's human-readable message (or a summary of a non-JSON body)
   * @param url Heroku's documentation link for the error, or null
   * @param requestId the {@code Request-Id} of the failed request, or null if unknown
   * @param method the request's HTTP method, like {@code DELETE}
   * @param path the request's path (identities percent-encoded; no query, no host)
   */
  public ServerErrorException(int status, @Nullable String id, String message, @Nullable String url,
      @Nullable String requestId, String method, String path) {
    super(status, id, message, url, requestId, method, path);
  }
}
