package io.herokusdk.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A sensitive value, such as a password, token or API key, that never shows itself in
 * {@link #toString()}, logs or exception messages.
 *
 * <p>Call {@link #reveal()} only at the point where the value is handed to the library that
 * needs it (a JDBC driver, an HTTP header). Two secrets are equal when their values are equal;
 * the comparison takes the same time wherever the values differ.
 */
public final class Secret {
  private static final String MASK = "****";

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps {@code value}, which must not be null; it may be empty.
   *
   * @param value the sensitive value, such as a password or API key
   * @return the secret
   */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "value == null");
    return new Secret(value);
  }

  /** {@return the plain value} Do not log it. */
  public String reveal() {
    return value;
  }

  /** {@return true if the value is the empty string} */
  public boolean isEmpty() {
    return value.isEmpty();
  }

  /** Compares values in constant time. */
  @Override
  public boolean equals(Object other) {
    if (this == other) return true;
    if (!(other instanceof Secret)) return false;
    return MessageDigest.isEqual(
        value.getBytes(StandardCharsets.UTF_8),
        ((Secret) other).value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Returns {@code "****"}, never the value. */
  @Override
  public String toString() {
    return MASK;
  }
}
