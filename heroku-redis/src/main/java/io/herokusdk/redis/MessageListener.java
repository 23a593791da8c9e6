package io.herokusdk.redis;

/** Receives pub/sub messages. Called on one dispatcher thread, in arrival order. */
@FunctionalInterface
public interface MessageListener {
  /** Handles {@code message} published to {@code channel}. Exceptions are logged and dropped. */
  void onMessage(String channel, String message);
}
