package io.herokusdk.mail;

import java.util.Objects;

/**
 * An {@link Email} breaks a rule and was not sent; nothing was sent to the provider. The message
 * names the field, like {@code to[3].name}, and says what to change.
 */
public final class InvalidEmailException extends MailException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /** Creates the exception for {@code field}, with a message saying what is wrong. */
  public InvalidEmailException(String field, String message) {
    super(Objects.requireNonNull(field, "field == null") + ": " + message, null);
    this.field = field;
  }

  /** The field that breaks the rule, like {@code categories} or {@code to[3].name}. */
  public String field() {
    return field;
  }
}
