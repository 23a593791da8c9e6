package io.herokusdk.mail;

import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The request was written to the provider but no definite answer came back: the read timed out,
 * the connection broke, or the provider answered 5xx. The provider may or may not have accepted
 * the email, and neither SendGrid nor Mailgun has an idempotency key, so sending it again may
 * deliver it twice. The default {@link MailRetryPolicy} therefore does not retry; check the
 * provider's activity feed, or opt in with {@link MailRetryPolicy#atLeastOnce()}.
 */
public final class DeliveryUnknownException extends MailException {
  private static final long serialVersionUID = 1L;

  /** The 5xx status code, or 0 if no answer came back. */
  private final int statusCode;

  /**
   * Creates the exception for a 5xx answer ({@code statusCode}) or, with {@code statusCode} 0, a
   * failure after the request was written ({@code cause}, whose message must not hold secrets).
   *
   * @param message what happened, naming the provider and the attempts made
   * @param statusCode the 5xx status, or 0 if no answer came back
   * @param cause the I/O failure, or null for a 5xx answer
   */
  public DeliveryUnknownException(String message, int statusCode, @Nullable Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
  }

  /**
   * The 5xx status code, or empty if there was no answer at all.
   *
   * @return the status, like 503, or empty after a timeout or broken connection
   */
  public OptionalInt statusCode() {
    return statusCode == 0 ? OptionalInt.empty() : OptionalInt.of(statusCode);
  }

  /** Always true. */
  @Override
  public boolean mayHaveBeenSent() {
    return true;
  }
}
