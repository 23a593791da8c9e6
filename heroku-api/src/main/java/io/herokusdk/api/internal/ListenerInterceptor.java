package io.herokusdk.api.internal;

import io.herokusdk.api.ApiExchange;
import io.herokusdk.api.ApiListener;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalInt;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports each attempt to an {@link ApiListener}. Added after the retry interceptor, so it sees
 * every attempt; a listener that throws is logged and ignored.
 */
public final class ListenerInterceptor implements Interceptor {
  private static final Logger log = LoggerFactory.getLogger(ListenerInterceptor.class);

  private final ApiListener listener;

  /** Creates the interceptor. */
  public ListenerInterceptor(ApiListener listener) {
    this.listener = listener;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException | RuntimeException e) {
      report(request, OptionalInt.empty(), start, OptionalInt.empty());
      throw e;
    }
    report(request, OptionalInt.of(response.code()), start,
        parse(response.header("RateLimit-Remaining")));
    return response;
  }

  private void report(Request request, OptionalInt status, long start, OptionalInt remaining) {
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    try {
      listener.exchanged(new ApiExchange(request.method(), request.url().host(), status, took,
          remaining));
    } catch (RuntimeException e) {
      log.warn("ApiListener {} threw {}; ignored", listener.getClass().getName(),
          e.getClass().getName());
    }
  }

  private static OptionalInt parse(@Nullable String value) {
    if (value == null) return OptionalInt.empty();
    try {
      return OptionalInt.of(Integer.parseInt(value.strip()));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }
}
