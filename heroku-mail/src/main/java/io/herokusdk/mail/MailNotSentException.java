package io.herokusdk.mail;

import org.jspecify.annotations.Nullable;

/**
 * The provider could not be reached and no request was written: the host name did not resolve,
 * the connection was refused or timed out, or TLS failed. The email was certainly not sent, so
 * sending it again is safe. Thrown after the {@link MailRetryPolicy}'s attempts ran out.
 */
public final class MailNotSentException extends MailException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; the cause's message must not contain secrets.
   *
   * @param message what failed, naming the provider and the attempts made
   * @param cause the last connection failure, or null if there was none (e.g. no free connection in
   *     time)
   */
  public MailNotSentException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
