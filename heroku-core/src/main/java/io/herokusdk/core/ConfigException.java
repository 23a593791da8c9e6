package io.herokusdk.core;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A config var is missing or invalid. The message says which var, what is wrong and how to fix
 * it; it never contains a password, token or whole URL.
 */
public abstract class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The config var's name, or null when the problem is not tied to one var. */
  private final @Nullable String configVar;

  /**
   * Creates an exception about {@code configVar} (may be null). The message and the cause's
   * message must not contain secrets.
   *
   * @param configVar the name of the var the problem is about; null if it is not about one var
   * @param message what is wrong and how to fix it, without the value
   * @param cause the underlying failure, or null if there is none
   */
  protected ConfigException(
      @Nullable String configVar, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.configVar = configVar;
  }

  /** {@return the name of the config var the problem is about, if it is about one} */
  public Optional<String> configVar() {
    return Optional.ofNullable(configVar);
  }
}
