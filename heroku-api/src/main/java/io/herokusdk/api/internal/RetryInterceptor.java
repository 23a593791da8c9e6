package io.herokusdk.api.internal;

import io.herokusdk.api.RateLimitPolicy;
import io.herokusdk.api.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.random.RandomGenerator;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries, rate limiting and logging, around each call (an OkHttp application interceptor).
 * Logs method, path, status, timing, {@code Request-Id} and {@code RateLimit-Remaining}; never
 * header values such as {@code Authorization}.
 */
public final class RetryInterceptor implements Interceptor {
  private static final Logger log = LoggerFactory.getLogger("io.herokusdk.api.Heroku");
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

  private final RetryPolicy retry;
  private final RateLimitPolicy rateLimit;
  private final RateLimiter limiter;
  private final Sleeper sleeper;
  private final RandomGenerator random;

  /** Creates the interceptor. */
  public RetryInterceptor(RetryPolicy retry, RateLimitPolicy rateLimit, RateLimiter limiter,
      Sleeper sleeper, RandomGenerator random) {
    this.retry = retry;
    this.rateLimit = rateLimit;
    this.limiter = limiter;
    this.sleeper = sleeper;
    this.random = random;
  }

  /** Whether a method may be sent twice without changing the outcome. */
  public static boolean isIdempotent(String method) {
    return IDEMPOTENT.contains(method);
  }

  /** Failures that provably happened before any byte of the request left this machine. */
  static boolean failedBeforeSending(IOException e) {
    return e instanceof ConnectException || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String method = request.method();
    String path = request.url().encodedPath();
    String requestId = request.header("Request-Id");
    int failures = 0;
    int rateLimited = 0;
    while (true) {
      wait(limiter.delayBeforeSend(), "throttle");
      long start = System.nanoTime();
      log.debug("--> {} {} (Request-Id {})", method, path, requestId);
      Response response;
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
        boolean retryable = isIdempotent(method) || failedBeforeSending(e);
        if (!retryable || failures >= retry.maxRetries() || chain.call().isCanceled()
            || e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
          log.debug("<-- {} {} failed: {}", method, path, e.toString());
          throw requestId == null ? e : new RequestFailedException(requestId, e);
        }
        failures++;
        Duration delay = retry.backoff().delayForAttempt(failures, random);
        log.info("{} {} failed ({}); retry {}/{} in {} ms (Request-Id {})", method, path, e,
            failures, retry.maxRetries(), delay.toMillis(), requestId);
        wait(delay, "retry");
        continue;
      }
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      String remaining = response.header("RateLimit-Remaining");
      observe(remaining);
      int code = response.code();
      log.debug("<-- {} {} {} in {} ms (RateLimit-Remaining {})", code, method, path, tookMs,
          remaining);
      if (code == 429 && rateLimited < rateLimit.maxRetries() && !chain.call().isCanceled()) {
        rateLimited++;
        Duration delay = retryAfter(response.header("Retry-After"),
            rateLimit.backoff().delayForAttempt(rateLimited, random));
        response.close();
        log.info("{} {} rate limited; retry {}/{} in {} ms (Request-Id {})", method, path,
            rateLimited, rateLimit.maxRetries(), delay.toMillis(), requestId);
        wait(delay, "rate limit");
        continue;
      }
      if (code >= 500 && isIdempotent(method) && failures < retry.maxRetries()
          && !chain.call().isCanceled()) {
        failures++;
        Duration delay = retry.backoff().delayForAttempt(failures, random);
        response.close();
        log.info("{} {} answered {}; retry {}/{} in {} ms (Request-Id {})", method, path, code,
            failures, retry.maxRetries(), delay.toMillis(), requestId);
        wait(delay, "retry");
        continue;
      }
      return response;
    }
  }

  private void observe(@Nullable String remaining) {
    if (remaining == null) {
      return;
    }
    try {
      limiter.observe(Integer.parseInt(remaining.trim()));
    } catch (NumberFormatException ignored) {
      // not a number: nothing to learn
    }
  }

  private Duration retryAfter(@Nullable String header, Duration fallback) {
    if (header != null) {
      try {
        long seconds = Long.parseLong(header.trim());
        Duration d = Duration.ofSeconds(Math.max(0, seconds));
        Duration max = rateLimit.backoff().maxDelay();
        return d.compareTo(max) > 0 ? max : d;
      } catch (NumberFormatException ignored) {
        // an HTTP date or garbage: use the backoff
      }
    }
    return fallback;
  }

  private void wait(Duration d, String why) throws IOException {
    if (d.isZero() || d.isNegative()) {
      return;
    }
    if (why.equals("throttle")) {
      log.debug("throttling {} ms to keep RateLimit-Remaining above {}", d.toMillis(),
          rateLimit.throttleFloor());
    }
    try {
      sleeper.sleep(d);
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
