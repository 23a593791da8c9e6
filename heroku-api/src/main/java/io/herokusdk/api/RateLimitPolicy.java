package io.herokusdk.api;

import io.herokusdk.core.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * What to do about Heroku's rate limit: a bucket of about 4,500 requests per account, refilled at
 * about 75 per minute, reported in {@code RateLimit-Remaining} on every response.
 *
 * <ul>
 *   <li>On {@code 429} (any method: the server did not act on the request) the client waits with
 *       backoff and jitter and retries, at most {@link #maxRetries()} times, then throws {@link
 *       RateLimitedException}.
 *   <li>Optionally, a client-side throttle: when the last seen {@code RateLimit-Remaining}, plus
 *       what has refilled since, is at or below {@link #throttleFloor()}, requests wait until the
 *       budget is estimated back above the floor. This leaves headroom for other clients (the
 *       CLI, the dashboard) that share the account. Off by default.
 * </ul>
 *
 * <p>Immutable.
 */
public final class RateLimitPolicy {
  private static final RateLimitPolicy DEFAULTS = builder().build();

  private final int maxRetries;
  private final Backoff backoff;
  private final int throttleFloor;
  private final double refillPerMinute;

  private RateLimitPolicy(Builder b) {
    this.maxRetries = b.maxRetries;
    this.backoff = b.backoff;
    this.throttleFloor = b.throttleFloor;
    this.refillPerMinute = b.refillPerMinute;
  }

  /**
   * 3 retries on 429, 1 s doubling to at most 20 s with equal jitter; no throttle.
   *
   * @return the shared default policy
   */
  public static RateLimitPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * A builder starting from {@link #defaults()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder starting from this policy.
   *
   * @return a new builder with this policy's settings
   */
  public Builder toBuilder() {
    return new Builder().maxRetries(maxRetries).backoff(backoff).throttleFloor(throttleFloor)
        .refillPerMinute(refillPerMinute);
  }

  /**
   * Retries after a 429.
   *
   * @return how many times a 429 is retried before {@link RateLimitedException}, 0 to 10
   */
  public int maxRetries() {
    return maxRetries;
  }

  /**
   * Delays between 429 retries (a {@code Retry-After} header, if sent, takes precedence).
   *
   * @return the backoff; its {@link Backoff#maxDelay()} also caps a {@code Retry-After} in seconds
   */
  public Backoff backoff() {
    return backoff;
  }

  /**
   * The remaining budget the throttle keeps; 0 means no throttle.
   *
   * @return the floor in requests, 0 or more
   */
  public int throttleFloor() {
    return throttleFloor;
  }

  /**
   * The refill rate the throttle assumes (Heroku: about 75 per minute).
   *
   * @return requests per minute, positive; 75 by default
   */
  public double refillPerMinute() {
    return refillPerMinute;
  }

  @Override
  public String toString() {
    return "RateLimitPolicy{maxRetries=" + maxRetries + ", backoff=" + backoff + ", throttleFloor="
        + throttleFloor + ", refillPerMinute=" + refillPerMinute + "}";
  }

  /** Builder for {@link RateLimitPolicy}. */
  public static final class Builder {
    private int maxRetries = 3;
    private Backoff backoff = Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(20));
    private int throttleFloor;
    private double refillPerMinute = 75;

    private Builder() {}

    /**
     * Retries after a 429 (0 to 10).
     *
     * @param maxRetries how many times to retry a 429, 0 to 10; default 3
     * @return this builder
     * @throws IllegalArgumentException if {@code maxRetries} is not 0 to 10
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0 || maxRetries > 10) {
        throw new IllegalArgumentException("maxRetries must be 0..10: " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Delays between 429 retries.
     *
     * @param backoff the delays, used when the 429 has no {@code Retry-After} in seconds; default
     *     1 s doubling to at most 20 s with equal jitter
     * @return this builder
     */
    public Builder backoff(Backoff backoff) {
      this.backoff = Objects.requireNonNull(backoff, "backoff");
      return this;
    }

    /**
     * Keep at least this many requests in the budget (0, the default, turns the throttle off).
     *
     * @param floor the {@code RateLimit-Remaining} to keep in reserve, 0 or more
     * @return this builder
     * @throws IllegalArgumentException if {@code floor} is negative
     */
    public Builder throttleFloor(int floor) {
      if (floor < 0) {
        throw new IllegalArgumentException("floor must be >= 0: " + floor);
      }
      this.throttleFloor = floor;
      return this;
    }

    /**
     * The refill rate the throttle assumes; positive.
     *
     * @param perMinute requests refilled per minute, positive and finite; default 75
     * @return this builder
     * @throws IllegalArgumentException if {@code perMinute} is not positive and finite
     */
    public Builder refillPerMinute(double perMinute) {
      if (!(perMinute > 0) || Double.isInfinite(perMinute)) {
        throw new IllegalArgumentException("refillPerMinute must be positive: " + perMinute);
      }
      this.refillPerMinute = perMinute;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return a new immutable policy
     */
    public RateLimitPolicy build() {
      return new RateLimitPolicy(this);
    }
  }
}
