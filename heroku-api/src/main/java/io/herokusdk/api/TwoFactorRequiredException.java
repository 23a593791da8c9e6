package io.herokusdk.api;

import org.jspecify.annotations.Nullable;

/**
 * 403 {@code two_factor}: this action needs a second factor. Resend the same call through
 * {@link Heroku#withTwoFactorCode(String)}, e.g. {@code heroku.withTwoFactorCode(code).apps()
 * .delete("my-app")}, which adds the {@code Heroku-Two-Factor-Code} header.
 */
public class TwoFactorRequiredException extends ForbiddenException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; see {@link HerokuApiException#HerokuApiException}.
   *
   * @param status the HTTP status, normally 403
   * @param id {@code two_factor} (a 403 without it is a plain {@link ForbiddenException})
   * @param message Heroku's human-readable message (or a summary of a non-JSON body)
   * @param url Heroku's documentation link for the error, or null
   * @param requestId the {@code Request-Id} of the failed request, or null if unknown
   * @param method the request's HTTP method, like {@code DELETE}
   * @param path the request's path (identities percent-encoded; no query, no host)
   */
  public TwoFactorRequiredException(int status, @Nullable String id, String message,
      @Nullable String url, @Nullable String requestId, String method, String path) {
    super(status, id, message, url, requestId, method, path);
  }
}
