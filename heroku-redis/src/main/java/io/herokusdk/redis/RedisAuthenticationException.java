package io.herokusdk.redis;

import org.jspecify.annotations.Nullable;

/**
 * The Redis server rejected the credentials from the URL (a wrong password, or an ACL user it
 * does not know or has disabled), or needs a password the URL lacks. Not transient: fix the
 * config var; retrying with the same URL fails the same way.
 */
public final class RedisAuthenticationException extends HerokuRedisException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception whose message and cause's message contain no secrets.
   *
   * @param message what failed and what to do
   * @param cause the underlying failure, or null
   */
  public RedisAuthenticationException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
