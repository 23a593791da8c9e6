package io.herokusdk.core;

import org.jspecify.annotations.Nullable;

/**
 * A config var is set but its value cannot be used: a malformed URL, a number that is not a
 * number, a syntax error in a {@code .env} file. The message never contains the value.
 */
public final class InvalidConfigVarException extends ConfigException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception about {@code configVar} (may be null). {@code message} must say what is
   * wrong and how to fix it, and must not contain the value.
   *
   * @param configVar the name of the invalid var, such as {@code DATABASE_URL}; null if the
   *     problem is not tied to one var (a {@code .env} syntax error)
   * @param message what is wrong and how to fix it, without the value
   */
  public InvalidConfigVarException(@Nullable String configVar, String message) {
    super(configVar, message, null);
  }

  /**
   * Like {@link #InvalidConfigVarException(String, String)}, with a cause whose message must
   * not contain secrets either (scrub it with {@link Redactor} first if in doubt).
   *
   * @param configVar the name of the invalid var, such as {@code DATABASE_URL}; null if the
   *     problem is not tied to one var
   * @param message what is wrong and how to fix it, without the value
   * @param cause the parser's or driver's exception, or null if there is none
   */
  public InvalidConfigVarException(
      @Nullable String configVar, String message, @Nullable Throwable cause) {
    super(configVar, message, cause);
  }
}
