package io.herokusdk.redis;

/**
 * A Redis operation failed. The message says what failed and, where it can, what to do; it
 * never contains the password or the full {@code REDIS_URL}.
 */
public class HerokuRedisException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception whose message and cause's message contain no secrets. */
  public HerokuRedisException(String message, Throwable cause) {
    super(message, cause);
  }
}
