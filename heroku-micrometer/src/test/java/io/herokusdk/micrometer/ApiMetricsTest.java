package io.herokusdk.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokusdk.api.Heroku;
import io.herokusdk.testing.herokuapi.FakeHerokuApi;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class ApiMetricsTest {
  @Test
  void timesEachRequestAndGaugesTheRateLimitLeft() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ApiMetrics metrics = new ApiMetrics();
    metrics.bindTo(registry);
    assertThat(registry.get(ApiMetrics.RATE_LIMIT_REMAINING).gauge().value()).isNaN();
    try (FakeHerokuApi fake = FakeHerokuApi.start()) {
      fake.addApp("my-app");
      fake.rateLimitRemaining(1234);
      try (Heroku heroku = Heroku.builder().token(fake.token()).baseUrl(fake.baseUrl())
          .listener(metrics).build()) {
        heroku.apps().info("my-app");
      }
    }
    assertThat(registry.get(ApiMetrics.REQUESTS).tag("method", "GET").tag("status", "200")
        .timer().count()).isEqualTo(1);
    assertThat(registry.get(ApiMetrics.RATE_LIMIT_REMAINING).gauge().value())
        .isBetween(1200.0, 1234.0);
  }
}
