package io.herokusdk.api.workflow;

import io.herokusdk.api.FastRetries;
import io.herokusdk.api.Heroku;
import io.herokusdk.core.Waiter;
import io.herokusdk.api.SchemaCheckedFake;
import io.herokusdk.testing.ManualClock;
import io.herokusdk.testing.herokuapi.FakeHerokuApi;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link FakeHerokuApi} and a client whose workflows wait on the fake's clock: a blocking
 * wait's sleep advances that clock instead of the wall clock, so waits of minutes run at once.
 * Async workflows use {@link #ticking()}: the clock moves one second per read.
 */
final class FakeWorld implements BeforeEachCallback, AfterEachCallback {
  final ManualClock clock = new ManualClock(Instant.parse("2025-01-06T09:00:00Z"));
  FakeHerokuApi api;
  Heroku heroku;

  @Override
  public void beforeEach(ExtensionContext context) {
    api = FakeHerokuApi.builder().clock(clock).requireTwoFactorCode("123456").start();
    heroku = FastRetries.apply(Heroku.builder().token(api.token()).baseUrl(api.baseUrl()))
        .build();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      if (context.getExecutionException().isEmpty()) {
        SchemaCheckedFake.checkAnswers(api.requests());
      }
    } finally {
      heroku.close();
      api.close();
    }
  }

  /** Workflows whose waits poll every second of the fake's clock, for {@code timeout}. */
  Workflows workflows(Duration timeout) {
    return heroku.workflows().withWaiter(clock.waiter(timeout, Duration.ofSeconds(1)));
  }

  Workflows workflows() {
    return workflows(Duration.ofMinutes(5));
  }

  /** Workflows for async tests: polls 5 ms apart (wall clock); the fake's clock ticks on reads. */
  Workflows ticking() {
    clock.tickOnRead(Duration.ofSeconds(1));
    return heroku.workflows().withWaiter(Waiter.builder().timeout(Duration.ofMinutes(5))
        .interval(Duration.ofMillis(5)).clock(clock).build());
  }
}
