package io.herokusdk.core;

import java.time.Duration;

/**
 * Waits between retries or polls. The default is {@link Thread#sleep}; tests pass one that
 * records the waits or moves a fake clock instead.
 */
@FunctionalInterface
public interface Sleeper {
  /** The real one: {@link Thread#sleep(long)}. */
  Sleeper SYSTEM = duration -> Thread.sleep(Math.max(0L, duration.toMillis()));

  /**
   * Waits for {@code duration}.
   *
   * @param duration how long to wait; zero or more
   * @throws InterruptedException if the thread is interrupted while it waits
   */
  void sleep(Duration duration) throws InterruptedException;
}
