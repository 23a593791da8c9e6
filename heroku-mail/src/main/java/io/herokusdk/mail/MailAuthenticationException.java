package io.herokusdk.mail;

import java.util.List;

/**
 * The provider did not accept the API key: HTTP 401, or Mailgun's 403 (SendGrid's 403, which may
 * also mean an unverified sender, is a plain {@link MailRejectedException}), or status 0 for a key
 * an HTTP header cannot carry, refused before any request. The message names the config var the
 * key came from.
 */
public final class MailAuthenticationException extends MailRejectedException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for an HTTP {@code statusCode} answer with these errors.
   *
   * @param message what failed, naming the config var the key came from
   * @param statusCode 401 or, from Mailgun, 403; 0 if the key was refused before any request
   *     because an HTTP header cannot carry it
   * @param errors what the provider said, in order; may be empty; copied
   */
  public MailAuthenticationException(String message, int statusCode, List<ProviderError> errors) {
    super(message, statusCode, errors);
  }
}
