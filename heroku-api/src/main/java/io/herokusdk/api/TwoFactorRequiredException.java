package io.herokusdk.api;

import org.jspecify.annotations.Nullable;

/**
 * 403 {@code two_factor}: this action needs a second factor. Resend the same call through
 * {@link Heroku#withTwoFactorCode(String)}, e.g. {@code heroku.withTwoFactorCode(code).apps()
 * .delete("my-app")}, which adds the {@code Heroku-Two-Factor-Code} header.
 */
public class TwoFactorRequiredException extends ForbiddenException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link HerokuApiException#HerokuApiException}. */
  public TwoFactorRequiredException(int status, @Nullable String id, String message,
      @Nullable String url, @Nullable String requestId, String method, String path) {
    super(status, id, message, url, requestId, method, path);
  }
}
