package io.herokusdk.api;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One HTTP exchange with the Platform API, as reported to an {@link ApiListener}.
 *
 * @param method the HTTP method, like {@code GET}
 * @param host the API host, like {@code api.heroku.com} (no path: it names apps and users)
 * @param status the HTTP status, or empty if no response arrived (connection failed, timed out)
 * @param duration from sending the request to receiving the response headers (or the failure)
 * @param rateLimitRemaining the {@code RateLimit-Remaining} header, if the response had one
 */
public record ApiExchange(String method, String host, OptionalInt status, Duration duration,
    OptionalInt rateLimitRemaining) {
  /**
   * Checks for nulls.
   *
   * @param method the HTTP method, not null
   * @param host the API host, not null
   * @param status the HTTP status, or empty if no response arrived; not null
   * @param duration the time to the response headers or the failure, not null
   * @param rateLimitRemaining the {@code RateLimit-Remaining} header, or empty; not null
   */
  public ApiExchange {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(rateLimitRemaining, "rateLimitRemaining");
  }
}
