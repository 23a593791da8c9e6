package io.herokusdk.examples.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.mail.InMemoryOutbox;
import io.herokusdk.testing.LogCapture;
import io.herokusdk.testing.SecretCanary;
import io.herokusdk.testing.TraceLogging;
import io.herokusdk.testing.herokuapi.BuildScript;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API token, database passwords, the drain password and drain token never show up in output,
 * exceptions or logs, with every logger (OkHttp, pgjdbc, HikariCP, the SDK's) at TRACE: a run of
 * every job, including failing ones.
 */
@ExtendWith(TraceLogging.class)
class SecretCanaryTest {
  @RegisterExtension final LogCapture logs = new LogCapture();
  @TempDir Path dir;

  @Test
  void noSecretLeaksThroughAnyJob() throws Exception {
    String token = "HRKU-canary" + java.util.UUID.randomUUID().toString().replace("-", "");
    String drainPassword = SecretCanary.newSecret();
    String drainToken = "d.canary-" + java.util.UUID.randomUUID();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    try (OpsFakes fakes = OpsFakes.start(token)) {
      String dbPassword = URI.create(fakes.data.url(fakes.shopDb)).getUserInfo().split(":", 2)[1];
      ConfigVars config = fakes.config(Map.of("BACKUP_DIR", dir.toString()));
      assertThat(OpsJobs.run(new String[] {"backup"}, config, fakes.heroku, out)).isZero();
      fakes.data.failNextCapture("pg_dump: error: connection lost");
      assertThat(OpsJobs.run(new String[] {"backup"}, config, fakes.heroku, out)).isOne();
      OpsJobs.run(new String[] {"scale"}, config, fakes.heroku, out);
      OpsJobs.run(new String[] {"cost-report", "--json", "shop"}, config, fakes.heroku, out);
      fakes.api.scriptBuild(BuildScript.failing("boom").pendingFor(Duration.ofMillis(100)));
      assertThat(OpsJobs.run(new String[] {"deploy", "--app", "shop-staging", "--jar",
          OpsFakes.jar(dir).toString()}, config, fakes.heroku, out)).isOne();

      ConfigVars web = ConfigVars.of(Map.of("PORT", "0", "DRAIN_USER", "drain",
          "DRAIN_PASSWORD", drainPassword, "DRAIN_TOKENS", drainToken, "REQUIRE_HTTPS", "true",
          "ALERT_THRESHOLDS", "H10=1", "ALERT_EMAIL_TO", "oncall@example.com"));
      InMemoryOutbox outbox = new InMemoryOutbox();
      String frame = "<158>1 2026-03-10T12:00:00+00:00 host heroku router - at=error code=H10 "
          + "method=GET path=\"/\" host=a.herokuapp.com request_id=x fwd=\"1.2.3.4\" dyno=web.1 "
          + "connect=0ms service=0ms status=503 bytes=0 protocol=https";
      String body = frame.getBytes(StandardCharsets.UTF_8).length + " " + frame;
      DrainServer.Settings settings = DrainServer.Settings.from(web);
      try (DrainServer server = DrainServer.start(settings, outbox, Clock.systemUTC())) {
        HttpClient http = HttpClient.newHttpClient();
        for (String password : new String[] {drainPassword, "wrong-" + drainPassword}) {
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(
                  "http://127.0.0.1:" + server.port() + "/drain"))
              .header("X-Forwarded-Proto", "https").header("Logplex-Drain-Token", drainToken)
              .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                  ("drain:" + password).getBytes(StandardCharsets.UTF_8)))
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
              HttpResponse.BodyHandlers.ofString());
          out.println(r.statusCode() + " " + r.body());
        }
        server.flushAlerts();
      }
      assertThat(outbox.sent()).hasSize(1);
      Object[] evidence = {output.toString(StandardCharsets.UTF_8), settings, outbox.sent(),
          fakes.heroku, config};
      SecretCanary.assertNoLeak(token, logs, evidence);
      SecretCanary.assertNoLeak(dbPassword, logs, evidence);
      SecretCanary.assertNoLeak(drainPassword, logs, evidence);
      SecretCanary.assertNoLeak(drainToken, logs, evidence);
    }
  }
}
