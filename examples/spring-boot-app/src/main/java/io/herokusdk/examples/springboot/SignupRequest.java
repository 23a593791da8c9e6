package io.herokusdk.examples.springboot;

import io.herokusdk.mail.InvalidEmailException;

/**
 * The {@code POST /signup} body, {@code {"email": "...", "name": "..."}}, as Jackson reads it
 * (unknown fields are refused: {@code spring.jackson.deserialization.fail-on-unknown-properties}).
 *
 * @param email the address
 * @param name how the welcome email greets the user
 */
public record SignupRequest(String email, String name) {
  static final int MAX_EMAIL_LENGTH = 254;
  static final int MAX_NAME_LENGTH = 100;

  /**
   * The request with blanks stripped, checked; the address and name are checked by composing the
   * welcome email, so an address the API accepts is one the mailer will send to.
   *
   * @throws ApiException 400 naming the field
   */
  SignupRequest validated(WelcomeEmails emails) {
    String checkedEmail = text("email", email, MAX_EMAIL_LENGTH);
    String checkedName = text("name", name, MAX_NAME_LENGTH);
    if (checkedEmail.chars().anyMatch(Character::isWhitespace)) {
      throw ApiException.invalid("email", "email must not contain spaces.");
    }
    try {
      emails.compose(new WelcomeMessage(0, checkedEmail, checkedName));
    } catch (InvalidEmailException e) {
      if (e.field().startsWith("to")) {
        throw ApiException.invalid("email", "email is not a valid email address.");
      }
      if (e.field().startsWith("subject")) {
        throw ApiException.invalid("name", "name cannot be used in an email subject.");
      }
      throw e;
    }
    return new SignupRequest(checkedEmail, checkedName);
  }

  private static String text(String field, String value, int maxLength) {
    if (value == null) throw ApiException.invalid(field, field + " is required.");
    String text = value.strip();
    if (text.isEmpty()) throw ApiException.invalid(field, field + " must not be blank.");
    if (text.length() > maxLength) {
      throw ApiException.invalid(field, field + " must be at most " + maxLength + " characters.");
    }
    if (text.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.invalid(field, field + " must not contain control characters.");
    }
    return text;
  }
}
