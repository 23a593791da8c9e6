package io.herokusdk.mail;

import java.util.Objects;

/**
 * An {@link Email} breaks a rule and was not sent; nothing was sent to the provider. The message
 * names the field, like {@code to[3].name}, and says what to change.
 */
public final class InvalidEmailException extends MailException {
  private static final long serialVersionUID = 1L;

  /** The field that breaks the rule, like {@code to[3].name}. */
  private final String field;

  /**
   * Creates the exception for {@code field}, with a message saying what is wrong.
   *
   * @param field the field that breaks the rule, like {@code to[3].name}; starts the message
   * @param message what is wrong and what to change
   */
  public InvalidEmailException(String field, String message) {
    super(Objects.requireNonNull(field, "field == null") + ": " + message, null);
    this.field = field;
  }

  /**
   * The field that breaks the rule, like {@code categories} or {@code to[3].name}.
   *
   * @return the field's path in the {@link Email} (or bulk send), like {@code
   *     recipients[2].to.email}
   */
  public String field() {
    return field;
  }
}
