package io.herokusdk.mail;

import java.util.List;

/**
 * The provider did not accept the API key (HTTP 401, or 403 for a key without the Mail Send
 * permission). The message names the config var the key came from.
 */
public final class MailAuthenticationException extends MailRejectedException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for an HTTP {@code statusCode} answer with these errors. */
  public MailAuthenticationException(String message, int statusCode, List<ProviderError> errors) {
    super(message, statusCode, errors);
  }
}
