package io.herokusdk.redis;

import org.jspecify.annotations.Nullable;

/**
 * Redis is not reachable right now: the connection could not be opened, dropped (also in the
 * middle of a command), is being re-established (commands are rejected instead of queued), a
 * command timed out, the server is loading its data or busy with a script, or every pooled
 * connection stayed busy. Usually transient: the client keeps reconnecting in the background,
 * so retry later. A rejected password is a {@link RedisAuthenticationException} instead.
 */
public final class RedisUnavailableException extends HerokuRedisException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception whose message and cause's message contain no secrets.
   *
   * @param message what failed and what to do
   * @param cause the underlying failure, or null
   */
  public RedisUnavailableException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
