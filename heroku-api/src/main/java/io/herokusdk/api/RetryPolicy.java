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

  /** 2 retries, 200 ms doubling to at most 5 s, equal jitter. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** No retries at all. */
  public static RetryPolicy none() {
    return NONE;
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this policy. */
  public Builder toBuilder() {
    return new Builder().maxRetries(maxRetries).backoff(backoff);
  }

  /** Retries after the first attempt; 0 disables retries. */
  public int maxRetries() {
    return maxRetries;
  }

  /** The delays between attempts. */
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

    /** Retries after the first attempt (0 to 10). */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0 || maxRetries > 10) {
        throw new IllegalArgumentException("maxRetries must be 0..10: " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /** The delays between attempts. */
    public Builder backoff(Backoff backoff) {
      this.backoff = Objects.requireNonNull(backoff, "backoff");
      return this;
    }

    /** Builds the policy. */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }
  }
}
