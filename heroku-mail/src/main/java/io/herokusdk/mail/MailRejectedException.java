package io.herokusdk.mail;

import java.util.List;

/**
 * The provider answered that it will not send the email (SendGrid 400, 403, 404, 413; Mailgun
 * 400, 404, 413). It was not sent; sending it again unchanged will fail again. {@link #errors()}
 * holds what the provider said, e.g. SendGrid's {@code errors[]} with field and message.
 */
public class MailRejectedException extends MailException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  // ProviderError is a plain record: serializing this exception is not supported (JDK 21+ lint)
  @SuppressWarnings("serial")
  private final ProviderError[] errors;

  /** Creates the exception for an HTTP {@code statusCode} answer with these errors. */
  public MailRejectedException(String message, int statusCode, List<ProviderError> errors) {
    super(message, null);
    this.statusCode = statusCode;
    this.errors = errors.toArray(new ProviderError[0]);
  }

  /** The HTTP status code of the provider's answer. */
  public int statusCode() {
    return statusCode;
  }

  /** The errors the provider reported, in order; may be empty if it gave none. */
  public List<ProviderError> errors() {
    return List.of(errors);
  }
}
