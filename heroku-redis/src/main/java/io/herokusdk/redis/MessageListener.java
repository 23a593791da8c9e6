package io.herokusdk.redis;

/** Receives pub/sub messages. Called on one dispatcher thread, in arrival order. */
@FunctionalInterface
public interface MessageListener {
  /**
   * Handles {@code message} published to {@code channel}. Exceptions are logged and dropped.
   *
   * @param channel the channel it was published to; for a pattern subscription, the actual
   *     channel that matched
   * @param message the message as published, decoded as UTF-8
   */
  void onMessage(String channel, String message);
}
