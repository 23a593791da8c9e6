package io.herokusdk.api;

import io.herokusdk.core.Backoff;
import java.time.Duration;

/** Test clients that retry a failed request twice and a rate-limited one once, milliseconds apart. */
public final class FastRetries {
  private FastRetries() {}

  /** {@code builder} with short retry and rate-limit backoffs, for tests against the fakes. */
  public static Heroku.Builder apply(Heroku.Builder builder) {
    Backoff quick = Backoff.exponential(Duration.ofMillis(5), Duration.ofMillis(10));
    return builder
        .retryPolicy(RetryPolicy.builder().maxRetries(2).backoff(quick).build())
        .rateLimitPolicy(RateLimitPolicy.builder().maxRetries(1).backoff(quick).build());
  }
}
