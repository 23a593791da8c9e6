package io.herokusdk.mail;

import java.util.List;

/**
 * The provider answered that it will not send the email (SendGrid 400, 403, 404, 413; Mailgun
 * 400, 404, 413). It was not sent; sending it again unchanged will fail again. {@link #errors()}
 * holds what the provider said, e.g. SendGrid's {@code errors[]} with field and message.
 */
public class MailRejectedException extends MailException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status code of the provider's answer, or 0 if no request was made. */
  private final int statusCode;
  /** The errors the provider reported, in order; may be empty. */
  // ProviderError is Serializable, so the errors serialize with the exception
  // (MailExceptionSerializationTest); this suppression is left from before, when it was not
  @SuppressWarnings("serial")
  private final ProviderError[] errors;

  /**
   * Creates the exception for an HTTP {@code statusCode} answer with these errors.
   *
   * @param message what the provider refused and why, when known
   * @param statusCode the HTTP status of the provider's answer, like 400
   * @param errors what the provider said, in order; may be empty; copied
   */
  public MailRejectedException(String message, int statusCode, List<ProviderError> errors) {
    super(message, null);
    this.statusCode = statusCode;
    this.errors = errors.toArray(new ProviderError[0]);
  }

  /**
   * The HTTP status code of the provider's answer.
   *
   * @return the status, like 400 or 413; 0 if the email was refused before any request
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The errors the provider reported, in order; may be empty if it gave none.
   *
   * @return an immutable copy of the errors
   */
  public List<ProviderError> errors() {
    return List.of(errors);
  }
}
