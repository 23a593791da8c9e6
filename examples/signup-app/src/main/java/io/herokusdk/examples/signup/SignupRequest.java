package io.herokusdk.examples.signup;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.Moshi;
import io.herokusdk.mail.InvalidEmailException;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * A validated {@code POST /signup} body: {@code {"email": "...", "name": "..."}}.
 *
 * @param email the address, stripped of surrounding blanks
 * @param name the name, stripped of surrounding blanks
 */
record SignupRequest(String email, String name) {
  static final int MAX_EMAIL_LENGTH = 254;
  static final int MAX_NAME_LENGTH = 100;
  private static final Set<String> FIELDS = Set.of("email", "name");
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);
  // The parser's own messages name its internals ("Use JsonReader.setLenient(true)..."): not shown.
  private static final String SEND_AN_OBJECT = "The body must be a JSON object like"
      + " {\"email\": \"ada@example.com\", \"name\": \"Ada\"}.";

  /**
   * Parses and checks {@code body}.
   *
   * @param emails used to check the address exactly as the mailer will
   * @throws ApiException 400 naming the field ({@code body} when it is not a JSON object)
   */
  static SignupRequest parse(String body, WelcomeEmails emails) {
    if (body == null || body.isBlank()) {
      throw ApiException.invalid("body", SEND_AN_OBJECT);
    }
    Object json;
    try {
      json = JSON.fromJson(body);
    } catch (JsonEncodingException | JsonDataException e) {
      throw ApiException.invalid("body", "The body is not valid JSON. " + SEND_AN_OBJECT);
    } catch (IOException e) {
      throw ApiException.invalid("body", "The body could not be read as JSON. " + SEND_AN_OBJECT);
    }
    if (!(json instanceof Map)) {
      throw ApiException.invalid("body", SEND_AN_OBJECT);
    }
    Map<?, ?> fields = (Map<?, ?>) json;
    for (Object key : fields.keySet()) {
      if (!FIELDS.contains(key)) {
        throw ApiException.invalid(String.valueOf(key),
            "Unknown field " + key + "; only email and name are accepted.");
      }
    }
    String email = text(fields, "email", MAX_EMAIL_LENGTH);
    String name = text(fields, "name", MAX_NAME_LENGTH);
    if (email.chars().anyMatch(Character::isWhitespace)) {
      throw ApiException.invalid("email", "email must not contain spaces.");
    }
    try {
      emails.compose(new WelcomeMessage(0, email, name));
    } catch (InvalidEmailException e) {
      if (e.field().startsWith("to")) {
        throw ApiException.invalid("email", "email is not a valid email address.");
      }
      if (e.field().startsWith("subject")) {
        throw ApiException.invalid("name", "name cannot be used in an email subject.");
      }
      throw e;
    }
    return new SignupRequest(email, name);
  }

  private static String text(Map<?, ?> fields, String field, int maxLength) {
    Object value = fields.get(field);
    if (value == null) throw ApiException.invalid(field, field + " is required.");
    if (!(value instanceof String)) {
      throw ApiException.invalid(field, field + " must be a string.");
    }
    String text = ((String) value).strip();
    if (text.isEmpty()) throw ApiException.invalid(field, field + " must not be blank.");
    if (text.length() > maxLength) {
      throw ApiException.invalid(field,
          field + " must be at most " + maxLength + " characters.");
    }
    if (text.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.invalid(field, field + " must not contain control characters.");
    }
    return text;
  }
}
