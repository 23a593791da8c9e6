package io.herokusdk.micrometer;

import io.herokusdk.api.ApiExchange;
import io.herokusdk.api.ApiListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Platform API meters, fed as the client's {@link ApiListener}: the timer {@code
 * heroku.api.requests} (one sample per HTTP attempt, tagged {@code method}, {@code host} and
 * {@code status}: the HTTP status, or {@code IO_ERROR} when no response arrived) and the gauge
 * {@code heroku.api.rate.limit.remaining}: the {@code RateLimit-Remaining} of the last response
 * that had one (NaN before the first).
 *
 * <pre>{@code
 * ApiMetrics metrics = new ApiMetrics();
 * Heroku heroku = Heroku.builder().token(token).listener(metrics).build();
 * metrics.bindTo(registry);
 * }</pre>
 *
 * <p>Requests are timed in the registries bound so far; the gauge reads the latest value.
 */
public final class ApiMetrics implements MeterBinder, ApiListener {
  /** The timer's name. */
  public static final String REQUESTS = "heroku.api.requests";
  /** The gauge's name. */
  public static final String RATE_LIMIT_REMAINING = "heroku.api.rate.limit.remaining";

  private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
  private volatile double rateLimitRemaining = Double.NaN;

  /** Creates the meters' source; pass it to {@code Heroku.Builder.listener} and bind it. */
  public ApiMetrics() {}

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(RATE_LIMIT_REMAINING, this, m -> m.rateLimitRemaining)
        .description("RateLimit-Remaining of the last Platform API response")
        .register(registry);
    registries.add(registry);
  }

  @Override
  public void exchanged(ApiExchange exchange) {
    exchange.rateLimitRemaining().ifPresent(remaining -> rateLimitRemaining = remaining);
    String status = exchange.status().isPresent()
        ? Integer.toString(exchange.status().getAsInt()) : "IO_ERROR";
    for (MeterRegistry registry : registries) {
      Timer.builder(REQUESTS)
          .description("Platform API HTTP exchanges, each retry separately")
          .tag("method", exchange.method())
          .tag("host", exchange.host())
          .tag("status", status)
          .register(registry)
          .record(exchange.duration());
    }
  }
}
