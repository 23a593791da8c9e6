package io.herokusdk.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.herokusdk.api.Heroku;
import io.herokusdk.api.RetryPolicy;
import io.herokusdk.postgres.HerokuPostgres;
import io.herokusdk.testing.LogCapture;
import io.herokusdk.testing.PostgresExtension;
import io.herokusdk.testing.SecretCanary;
import io.herokusdk.testing.TestDatabase;
import io.herokusdk.testing.TraceLogging;
import io.herokusdk.testing.herokuapi.FakeHerokuApi;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No token or password in a meter's name, tags or description, in the binders' toString, or in
 * any log line at TRACE, while requests fail and pools and mailers are measured.
 */
@ExtendWith({TraceLogging.class, PostgresExtension.class})
class MetricsCanaryTest {
  @Test
  void metersAndLogsNeverCarryTheTokenOrThePassword(TestDatabase db) throws Exception {
    String token = SecretCanary.newSecret().replaceAll("[^\\x21-\\x7e]", "");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    List<Object> evidence = new ArrayList<>();
    try (LogCapture logs = LogCapture.start();
        FakeHerokuApi fake = FakeHerokuApi.builder().token(token).start();
        HerokuPostgres postgres = HerokuPostgres.fromConfig(db.configVars())) {
      ApiMetrics api = new ApiMetrics();
      api.bindTo(registry);
      try (Heroku heroku = Heroku.builder().token(token).baseUrl(fake.baseUrl())
          .retryPolicy(RetryPolicy.none()).listener(api).build()) {
        evidence.add(catchThrowable(() -> heroku.apps().info("no-such-app")));
        fake.addApp("shop");
        heroku.apps().info("shop");
      }
      PostgresPoolMetrics pool = new PostgresPoolMetrics(postgres.dataSource());
      pool.bindTo(registry);
      try (Connection c = postgres.dataSource().getConnection()) {
        c.createStatement().execute("select 1");
      }
      MailMetrics mail = MailMetrics.wrap(new MailMetricsTest.Failing());
      mail.bindTo(registry);
      evidence.add(api);
      evidence.add(pool);
      evidence.add(mail);
      for (Meter meter : registry.getMeters()) {
        evidence.add(meter.getId());
        evidence.add(meter.getId().getDescription());
      }
      evidence.add(logs.text());
      assertThat(registry.getMeters()).isNotEmpty();
      assertThat(logs.lines()).isNotEmpty();
    }
    SecretCanary.assertNoLeak(token, evidence.toArray());
    SecretCanary.assertNoLeak(db.password(), evidence.toArray());
  }
}
