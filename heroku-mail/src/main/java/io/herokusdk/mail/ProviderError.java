package io.herokusdk.mail;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One error reported by the provider: for SendGrid an item of {@code errors[]}, for Mailgun its
 * {@code message}.
 *
 * @param message what the provider said
 * @param field the request field it is about, or null
 * @param help a link or hint from the provider, or null
 * @serial exclude
 */
public record ProviderError(String message, @Nullable String field, @Nullable String help)
    implements Serializable {
  /**
   * Checks that {@code message} is not null.
   *
   * @param message what the provider said; not null
   * @param field the request field it is about, like {@code from}, or null
   * @param help a link or hint from the provider, or null
   */
  public ProviderError {
    Objects.requireNonNull(message, "message == null");
  }

  /**
   * The request field the error is about, if the provider named one.
   *
   * @return the field, like {@code from}, or empty
   */
  public Optional<String> fieldName() {
    return Optional.ofNullable(field);
  }

  /** Returns {@code field: message}, or just the message. */
  @Override
  public String toString() {
    return field == null ? message : field + ": " + message;
  }
}
