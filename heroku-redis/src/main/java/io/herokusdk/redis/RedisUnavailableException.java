package io.herokusdk.redis;

/**
 * Redis could not be reached or did not answer in time: the connection failed, is currently
 * down (commands are rejected instead of queued), a command timed out, or every pooled
 * connection stayed busy. Usually transient: the client keeps reconnecting in the background.
 */
public final class RedisUnavailableException extends HerokuRedisException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception whose message and cause's message contain no secrets. */
  public RedisUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
