package io.herokusdk.api.data;

import io.herokusdk.api.FastRetries;
import io.herokusdk.api.Heroku;
import io.herokusdk.testing.ManualClock;
import io.herokusdk.testing.herokuapi.FakeDataApi;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link FakeDataApi} and a client pointed at it with {@code dataUrl}, whose waits poll every
 * 3 s of the fake's clock: a wait's sleep moves that clock, so minutes pass at once.
 */
final class DataWorld implements BeforeEachCallback, AfterEachCallback {
  static final String TOKEN = "01234567-89ab-cdef-0123-456789abcdef";

  final ManualClock clock = new ManualClock(Instant.parse("2025-01-06T09:00:00Z"));
  FakeDataApi data;
  Heroku heroku;

  @Override
  public void beforeEach(ExtensionContext context) {
    data = FakeDataApi.start(TOKEN, clock);
    heroku = FastRetries.apply(Heroku.builder().token(TOKEN).baseUrl("http://127.0.0.1:9/")
        .dataUrl(data.baseUrl()))
        .build();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    heroku.close();
    data.close();
  }

  HerokuData dataClient(Duration timeout) {
    return heroku.data().withWaiter(clock.waiter(timeout, Duration.ofSeconds(3)));
  }

  HerokuData dataClient() {
    return dataClient(Duration.ofMinutes(10));
  }
}
