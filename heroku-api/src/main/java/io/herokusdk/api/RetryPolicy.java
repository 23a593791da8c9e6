package io.herokusdk.api;

import io.herokusdk.core.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * When to retry a request that failed without an answer, or with a 5xx.
 *
 * <ul>
 *   <li>GET, HEAD, PUT, DELETE, OPTIONS: retried on connection failures and 5xx answers.
 *   <li>POST, PATCH: never retried once the request may have reached the server (no duplicate
 *       apps, dynos or builds). They are retried only on failures that provably happened before
 *       anything was sent: connection refused, unknown host, no route to host. (429 answers are
 *       retried for every method; see {@link RateLimitPolicy}.)
 * </ul>
 *
 * <p>Delays come from a {@link Backoff} (exponential, capped, with jitter). Immutable.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxRetries(0).build();

  private final int maxRetries;
  private final Backoff backoff;

  private RetryPolicy(Builder b) {
    this.maxRetries = b.maxRetries;
    this.backoff = b.backoff;
  }

  /**
   * 2 retries, 200 ms doubling to at most 5 s, equal jitter.
   *
   * @return the shared default policy
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * No retries at all.
   *
   * @return the shared policy with {@link #maxRetries()} 0
   */
  public static RetryPolicy none() {
    return NONE;
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
    return new Builder().maxRetries(maxRetries).backoff(backoff);
  }

  /**
   * Retries after the first attempt; 0 disables retries.
   *
   * @return the retry count, 0 to 10
   */
  public int maxRetries() {
    return maxRetries;
  }

  /**
   * The delays between attempts.
   *
   * @return the backoff, shared by retries after connection failures and after 5xx answers
   */
  public Backoff backoff() {
    return backoff;
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxRetries=" + maxRetries + ", backoff=" + backoff + "}";
  }

  /** Builder for {@link RetryPolicy}. */
  public static final class Builder {
    private int maxRetries = 2;
    private Backoff backoff = Backoff.exponential(Duration.ofMillis(200), Duration.ofSeconds(5));

    private Builder() {}

    /**
     * Retries after the first attempt (0 to 10).
     *
     * @param maxRetries how many times to retry, 0 to 10; default 2
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
     * The delays between attempts.
     *
     * @param backoff the delays; default 200 ms doubling to at most 5 s with equal jitter
     * @return this builder
     */
    public Builder backoff(Backoff backoff) {
      this.backoff = Objects.requireNonNull(backoff, "backoff");
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return a new immutable policy
     */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }
  }
}
