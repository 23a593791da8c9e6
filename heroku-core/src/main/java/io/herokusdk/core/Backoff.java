package io.herokusdk.core;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * How long to wait before each retry: exponential growth, capped, with random jitter.
 *
 * <p>For retry {@code n} (1 = the first retry) the capped delay is {@code min(maxDelay,
 * initialDelay * multiplier^(n-1))}, and the delay returned is uniformly random in {@code
 * [capped * (1 - jitter), capped]}. So {@code jitter} 0 means no randomness, 0.5 is "equal jitter"
 * (between half and all of the capped delay) and 1 is "full jitter" (between zero and all of it).
 * The delay never exceeds {@code maxDelay}.
 *
 * @param initialDelay the delay before the first retry, before jitter; positive
 * @param maxDelay the largest delay; at least {@code initialDelay} and at most 365 days
 * @param multiplier how much the delay grows per retry; finite and at least 1
 * @param jitter the fraction of the delay that is random; from 0 to 1
 */
public record Backoff(Duration initialDelay, Duration maxDelay, double multiplier, double jitter) {
  /**
   * Checks the rules given in the record description.
   *
   * @param initialDelay the delay before the first retry, before jitter; positive
   * @param maxDelay the largest delay; at least {@code initialDelay} and at most 365 days
   * @param multiplier how much the delay grows per retry; finite and at least 1
   * @param jitter the fraction of the delay that is random; from 0 to 1
   * @throws IllegalArgumentException if a value breaks its rule
   */
  public Backoff {
    Objects.requireNonNull(initialDelay, "initialDelay == null");
    Objects.requireNonNull(maxDelay, "maxDelay == null");
    if (initialDelay.isNegative() || initialDelay.isZero()) {
      throw new IllegalArgumentException("initialDelay must be positive: " + initialDelay);
    }
    if (maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException(
          "maxDelay " + maxDelay + " must be at least initialDelay " + initialDelay);
    }
    if (maxDelay.compareTo(Duration.ofDays(365)) > 0) {
      throw new IllegalArgumentException("maxDelay must be at most 365 days: " + maxDelay);
    }
    if (!Double.isFinite(multiplier) || multiplier < 1.0) {
      throw new IllegalArgumentException("multiplier must be finite and >= 1: " + multiplier);
    }
    if (!(jitter >= 0.0 && jitter <= 1.0)) {
      throw new IllegalArgumentException("jitter must be from 0 to 1: " + jitter);
    }
  }

  /**
   * Returns a backoff that doubles from {@code initialDelay} up to {@code maxDelay}, with equal
   * jitter (0.5): each delay is between half and all of the capped delay.
   *
   * @param initialDelay the delay before the first retry, before jitter; positive
   * @param maxDelay the largest delay; at least {@code initialDelay} and at most 365 days
   * @return the backoff, with multiplier 2 and jitter 0.5
   */
  public static Backoff exponential(Duration initialDelay, Duration maxDelay) {
    return new Backoff(initialDelay, maxDelay, 2.0, 0.5);
  }

  /**
   * Returns the delay before retry number {@code attempt} (1 = the first retry), drawing jitter
   * from {@code random}. The same seed gives the same delays.
   *
   * @param attempt the retry's number, starting at 1
   * @param random the source of the jitter; not used when {@code jitter} is 0
   * @return a delay from {@code capped * (1 - jitter)} to {@code capped}; never more than
   *     {@code maxDelay}
   * @throws IllegalArgumentException if {@code attempt} is less than 1
   */
  public Duration delayForAttempt(int attempt, RandomGenerator random) {
    Objects.requireNonNull(random, "random == null");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1: " + attempt);
    }
    double maxNanos = maxDelay.toNanos();
    double capped = Math.min(maxNanos, initialDelay.toNanos() * Math.pow(multiplier, attempt - 1));
    double factor = jitter == 0.0 ? 1.0 : 1.0 - jitter * random.nextDouble();
    long nanos = (long) Math.min(maxNanos, capped * factor);
    return Duration.ofNanos(Math.max(0L, nanos));
  }

  /**
   * Like {@link #delayForAttempt(int, RandomGenerator)} with {@link ThreadLocalRandom}.
   *
   * @param attempt the retry's number, starting at 1
   * @return a delay from {@code capped * (1 - jitter)} to {@code capped}; never more than
   *     {@code maxDelay}
   * @throws IllegalArgumentException if {@code attempt} is less than 1
   */
  public Duration delayForAttempt(int attempt) {
    return delayForAttempt(attempt, ThreadLocalRandom.current());
  }
}
