package io.herokusdk.mail;

import org.jspecify.annotations.Nullable;

/**
 * Sending an email failed. Subclasses say whether the provider may have accepted it:
 * {@link #mayHaveBeenSent()} is true only for {@link DeliveryUnknownException}. Messages never
 * contain the API key.
 */
public abstract class MailException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; {@code message} and the cause's message must not contain secrets.
   *
   * @param message what failed and what to do, shown as {@link #getMessage()}
   * @param cause the underlying failure, or null
   */
  protected MailException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /**
   * Returns true if the provider may have accepted the email, so that sending it again may
   * deliver it twice.
   *
   * @return false here; true only in {@link DeliveryUnknownException}
   */
  public boolean mayHaveBeenSent() {
    return false;
  }
}
