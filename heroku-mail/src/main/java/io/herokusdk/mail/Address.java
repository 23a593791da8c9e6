package io.herokusdk.mail;

import io.herokusdk.mail.internal.AddressText;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An email address with an optional display name, like {@code "Ada Lovelace" <ada@example.com>}.
 * Checked for syntax when the {@link Email} that uses it is built, so that the error can name the
 * field.
 *
 * @param email the address, like {@code ada@example.com}
 * @param name the display name, or null for none
 */
public record Address(String email, @Nullable String name) {
  /**
   * Checks that {@code email} is not null and treats a blank name as none.
   *
   * @param email the address, like {@code ada@example.com}; not null
   * @param name the display name, or null or blank for none
   */
  public Address {
    Objects.requireNonNull(email, "email == null");
    if (name != null && name.isBlank()) name = null;
  }

  /**
   * Returns an address without a display name.
   *
   * @param email the address, like {@code ada@example.com}
   * @return the address, with a null {@link #name()}
   */
  public static Address of(String email) {
    return new Address(email, null);
  }

  /**
   * Returns an address with a display name (null or blank for none).
   *
   * @param email the address, like {@code ada@example.com}
   * @param name the display name, like {@code Ada Lovelace}; no {@code ;}, {@code ,} or control
   *     characters (checked when the {@link Email} is built)
   * @return the address
   */
  public static Address of(String email, @Nullable String name) {
    return new Address(email, name);
  }

  /**
   * Returns the display name, if there is one.
   *
   * @return the name, or empty if there is none
   */
  public Optional<String> displayName() {
    return Optional.ofNullable(name);
  }

  /**
   * Returns the address as header text: {@code "name" <email>} with {@code \} and {@code "}
   * escaped in the name, RFC 2047 encoded-words for a non-ASCII name, or just the email.
   */
  @Override
  public String toString() {
    return AddressText.mailbox(this);
  }
}
