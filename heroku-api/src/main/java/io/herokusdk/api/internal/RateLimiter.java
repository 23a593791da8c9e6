package io.herokusdk.api.internal;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Client-side throttle state: the last {@code RateLimit-Remaining} seen and when. One per {@code
 * Heroku} instance; thread-safe.
 */
public final class RateLimiter {
  private final int floor;
  private final double refillPerNano;
  private final LongSupplier nanoTime;
  private int lastRemaining = -1;
  private long lastSeenNanos;

  /** A throttle keeping {@code floor} requests in reserve; {@code floor} 0 disables it. */
  public RateLimiter(int floor, double refillPerMinute, LongSupplier nanoTime) {
    this.floor = floor;
    this.refillPerNano = refillPerMinute / 60e9;
    this.nanoTime = nanoTime;
  }

  /** Records a {@code RateLimit-Remaining} value. */
  public synchronized void observe(int remaining) {
    lastRemaining = remaining;
    lastSeenNanos = nanoTime.getAsLong();
  }

  /** The last remaining budget seen, or -1. */
  public synchronized int lastRemaining() {
    return lastRemaining;
  }

  /** How long to wait before sending so the estimated budget stays above the floor. */
  public synchronized Duration delayBeforeSend() {
    if (floor <= 0 || lastRemaining < 0) {
      return Duration.ZERO;
    }
    double estimated = lastRemaining + (nanoTime.getAsLong() - lastSeenNanos) * refillPerNano;
    if (estimated >= floor + 1) {
      return Duration.ZERO;
    }
    double missing = floor + 1 - estimated;
    return Duration.ofNanos((long) Math.ceil(missing / refillPerNano));
  }
}
