package io.herokusdk.redis;

/** A listener registration; {@link #close()} removes it (and unsubscribes after the last one). */
public interface Subscription extends AutoCloseable {
  /**
   * The channel or pattern listened to.
   *
   * @return the channel name or glob pattern as given to subscribe or psubscribe
   */
  String target();

  /** Removes the listener. Idempotent. */
  @Override
  void close();
}
