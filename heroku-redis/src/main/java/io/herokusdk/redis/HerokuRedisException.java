package io.herokusdk.redis;

import org.jspecify.annotations.Nullable;

/**
 * A Redis operation failed. The message says what failed and, where it can, what to do; it
 * never contains the password or the full {@code REDIS_URL}.
 */
public class HerokuRedisException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception whose message and cause's message contain no secrets.
   *
   * @param message what failed and what to do; null for none
   * @param cause the underlying failure, or null
   */
  public HerokuRedisException(@Nullable String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
