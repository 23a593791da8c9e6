package io.herokusdk.api;

/**
 * Observes every HTTP exchange a {@link Heroku} client has with the Platform API, e.g. to time
 * requests or watch the rate limit. Set it with {@link Heroku.Builder#listener(ApiListener)}.
 *
 * <p>Each attempt is its own exchange: a request retried twice is reported three times. Called
 * on the calling thread after the response headers arrive (or the attempt failed); keep it fast
 * and do not throw. What it receives carries no token, header value or body.
 */
@FunctionalInterface
public interface ApiListener {
  /**
   * Called once per finished attempt.
   *
   * @param exchange the attempt's method, host, status (empty if it failed), duration and
   *     {@code RateLimit-Remaining}
   */
  void exchanged(ApiExchange exchange);
}
