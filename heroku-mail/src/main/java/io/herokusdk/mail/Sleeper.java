package io.herokusdk.mail;

import java.time.Duration;

/**
 * Waits between retries. The default is {@link Thread#sleep}; tests pass one that records the
 * waits instead.
 */
@FunctionalInterface
public interface Sleeper {
  /** The real one: {@link Thread#sleep(long)}. */
  Sleeper SYSTEM = duration -> Thread.sleep(Math.max(0L, duration.toMillis()));

  /** Waits for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;
}
