package io.herokusdk.mail;

import io.herokusdk.core.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * When a {@link Mailer} sends a request again. Immutable.
 *
 * <table>
 *   <caption>What is retried</caption>
 *   <tr><th>Failure</th><th>{@link #safe()} (default)</th><th>{@link #atLeastOnce()}</th></tr>
 *   <tr><td>could not connect; nothing written</td><td>retry with backoff</td>
 *       <td>retry with backoff</td></tr>
 *   <tr><td>429 Too Many Requests</td><td>wait until {@code X-RateLimit-Reset} (Mailgun:
 *       {@code Retry-After} first) if at most {@link #maxRateLimitWait()} away, retry</td>
 *       <td>same</td></tr>
 *   <tr><td>5xx, timeout or broken connection after the request was written</td>
 *       <td>no retry: {@link DeliveryUnknownException}</td><td>retry with backoff (may send
 *       twice)</td></tr>
 *   <tr><td>400, 401, 403, 404, 413</td><td>no retry</td><td>no retry</td></tr>
 * </table>
 *
 * <p>{@link #maxAttempts()} bounds the total number of requests for one email (or one bulk
 * chunk), counting the first.
 */
public final class MailRetryPolicy {
  private static final Backoff DEFAULT_BACKOFF =
      Backoff.exponential(Duration.ofMillis(250), Duration.ofSeconds(5));
  private static final MailRetryPolicy SAFE = builder().build();

  private final int maxAttempts;
  private final Backoff backoff;
  private final Duration maxRateLimitWait;
  private final boolean retryWhenDeliveryUnknown;

  private MailRetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.backoff = b.backoff;
    this.maxRateLimitWait = b.maxRateLimitWait;
    this.retryWhenDeliveryUnknown = b.retryWhenDeliveryUnknown;
  }

  /**
   * The default: never sends twice. Up to 4 attempts; retries connection failures (nothing
   * written) after 250 ms, 500 ms, 1 s (equal jitter, at most 5 s) and 429s after the reset time
   * if that is at most 60 seconds away.
   *
   * @return the default policy, shared
   */
  public static MailRetryPolicy safe() {
    return SAFE;
  }

  /**
   * Like {@link #safe()}, but also retries after a 5xx answer, timeout or broken connection once
   * the request was written. The provider may then deliver the email twice.
   *
   * @return a new policy with {@link #retryWhenDeliveryUnknown()} true
   */
  public static MailRetryPolicy atLeastOnce() {
    return builder().retryWhenDeliveryUnknown(true).build();
  }

  /**
   * One attempt, no retries of any kind.
   *
   * @return a new policy with {@link #maxAttempts()} 1
   */
  public static MailRetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  /**
   * Returns a builder starting from {@link #safe()}.
   *
   * @return a new builder with {@link #safe()}'s values
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this policy's values.
   *
   * @return a new builder; changing it leaves this policy as it is
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxAttempts = maxAttempts;
    b.backoff = backoff;
    b.maxRateLimitWait = maxRateLimitWait;
    b.retryWhenDeliveryUnknown = retryWhenDeliveryUnknown;
    return b;
  }

  /**
   * The most requests made for one email or bulk chunk, counting the first.
   *
   * @return at least 1; 4 by default
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * The delays between retries of connection failures (and 429s without a reset time).
   *
   * @return the backoff for connection failures, 429s without a reset time and, if
   *     {@link #retryWhenDeliveryUnknown()}, unknown deliveries; by default 250 ms doubling up to 5
   *     s, equal jitter
   */
  public Backoff backoff() {
    return backoff;
  }

  /**
   * The longest wait for a 429's reset time; a later reset fails with {@link MailRateLimitedException}.
   *
   * @return zero or more; 60 s by default
   */
  public Duration maxRateLimitWait() {
    return maxRateLimitWait;
  }

  /**
   * True if requests are retried when delivery is unknown (at-least-once).
   *
   * @return true for {@link #atLeastOnce()}; false by default
   */
  public boolean retryWhenDeliveryUnknown() {
    return retryWhenDeliveryUnknown;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MailRetryPolicy other
        && maxAttempts == other.maxAttempts
        && backoff.equals(other.backoff)
        && maxRateLimitWait.equals(other.maxRateLimitWait)
        && retryWhenDeliveryUnknown == other.retryWhenDeliveryUnknown;
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, backoff, maxRateLimitWait, retryWhenDeliveryUnknown);
  }

  @Override
  public String toString() {
    return "MailRetryPolicy{maxAttempts=" + maxAttempts + ", backoff=" + backoff
        + ", maxRateLimitWait=" + maxRateLimitWait
        + ", retryWhenDeliveryUnknown=" + retryWhenDeliveryUnknown + "}";
  }

  /** Builds a {@link MailRetryPolicy}. */
  public static final class Builder {
    private int maxAttempts = 4;
    private Backoff backoff = DEFAULT_BACKOFF;
    private Duration maxRateLimitWait = Duration.ofSeconds(60);
    private boolean retryWhenDeliveryUnknown;

    private Builder() {}

    /**
     * Sets the most requests per email or chunk, counting the first; at least 1. Default 4.
     *
     * @param maxAttempts the most requests, counting the first; 1 turns retries off
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the delays between retries. Default: 250 ms doubling to 5 s, equal jitter.
     *
     * @param backoff the delays, like
     *     {@code Backoff.exponential(Duration.ofMillis(250), Duration.ofSeconds(5))}
     * @return this builder
     */
    public Builder backoff(Backoff backoff) {
      this.backoff = Objects.requireNonNull(backoff, "backoff == null");
      return this;
    }

    /**
     * Sets the longest wait for a 429's reset time; zero never waits. Default 60 s.
     *
     * @param maxRateLimitWait the longest wait; zero or positive
     * @return this builder
     */
    public Builder maxRateLimitWait(Duration maxRateLimitWait) {
      Objects.requireNonNull(maxRateLimitWait, "maxRateLimitWait == null");
      if (maxRateLimitWait.isNegative()) {
        throw new IllegalArgumentException("maxRateLimitWait must not be negative");
      }
      this.maxRateLimitWait = maxRateLimitWait;
      return this;
    }

    /**
     * Opts in to at-least-once: retry even when the provider may have accepted the email.
     *
     * @param retry true to retry after a 5xx, timeout or broken connection once the request was
     *     written, which may deliver the email twice; default false
     * @return this builder
     */
    public Builder retryWhenDeliveryUnknown(boolean retry) {
      this.retryWhenDeliveryUnknown = retry;
      return this;
    }

    /**
     * Returns the policy.
     *
     * @return the policy
     */
    public MailRetryPolicy build() {
      return new MailRetryPolicy(this);
    }
  }
}
