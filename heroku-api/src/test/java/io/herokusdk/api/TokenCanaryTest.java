package io.herokusdk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.herokusdk.api.data.HerokuData;
import io.herokusdk.api.data.Transfer;
import io.herokusdk.api.model.AppCreateRequest;
import io.herokusdk.api.model.OauthAuthorization;
import io.herokusdk.api.workflow.DeployRequest;
import io.herokusdk.api.workflow.DeployResult;
import io.herokusdk.api.workflow.DeploySource;
import io.herokusdk.api.workflow.LogOptions;
import io.herokusdk.api.workflow.LogStream;
import io.herokusdk.api.workflow.Promotion;
import io.herokusdk.api.workflow.PromotionResult;
import io.herokusdk.api.workflow.Workflows;
import io.herokusdk.core.Waiter;
import io.herokusdk.testing.LogCapture;
import io.herokusdk.testing.ManualClock;
import io.herokusdk.testing.SecretCanary;
import io.herokusdk.testing.TraceLogging;
import io.herokusdk.testing.herokuapi.BuildScript;
import io.herokusdk.testing.herokuapi.FakeDataApi;
import io.herokusdk.testing.herokuapi.FakeHerokuApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The API token never appears in a toString, an exception or a log line, every logger at TRACE. */
@ExtendWith(TraceLogging.class)
class TokenCanaryTest {
  @Test
  void tokenNeverLeaksIntoToStringExceptionsOrLogs() throws Exception {
    // HTTP header values are ASCII: drop the canary's one non-ASCII character
    String canary = SecretCanary.newSecret().replaceAll("[^\\x21-\\x7e]", "");
    List<Object> evidence = new ArrayList<>();
    // every logger is at TRACE (OkHttp's java.util.logging ones too), so every request and
    // answer is logged here.
    try (LogCapture logs = LogCapture.start(); MockWebServer server = new MockWebServer()) {
      server.start();
      // the server echoes the token back in a non-JSON error body
      server.enqueue(new MockResponse.Builder().code(500).body("bad token " + canary).build());
      server.enqueue(new MockResponse.Builder().code(401)
          .body("{\"id\":\"unauthorized\",\"message\":\"Invalid credentials " + jsonEscape(canary)
              + "\"}")
          .build());
      server.enqueue(new MockResponse.Builder().code(200)
          .body("{\"access_token\": {\"token\": \"" + jsonEscape(canary) + "\"}, \"id\": \"a\"}")
          .build());
      Heroku.Builder builder = Heroku.builder().token(canary).baseUrl(server.url("/").toString())
          .retryPolicy(RetryPolicy.none());
      evidence.add(builder);
      try (Heroku heroku = builder.build()) {
        evidence.add(heroku);
        evidence.add(heroku.withTwoFactorCode("654321"));
        evidence.add(catchThrowable(() -> heroku.apps().create(AppCreateRequest.builder().build())));
        evidence.add(catchThrowable(() -> heroku.account().info()));
        OauthAuthorization auth = heroku.oauthAuthorizations().info("a");
        assertThat(auth.accessToken().token()).isEqualTo(canary);
        evidence.add(auth);
      }
      assertThat(server.takeRequest().getHeaders().get("Authorization"))
          .as("the token was sent").isEqualTo("Bearer " + canary);
      assertThat(logs.text()).as("the SDK logged the requests at DEBUG").contains("--> POST /apps");
      evidence.add(logs);
      assertThat(evidence).hasSize(7).doesNotContainNull();
      SecretCanary.assertNoLeak(canary, evidence.toArray());
    }
  }

  private static String jsonEscape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }


  @ParameterizedTest(name = "generation={0}")
  @ValueSource(strings = {"cedar", "fir"})   // fir: streams are Server-Sent Events
  void workflowsKeepTheTokenAndTheSecondFactorOutOfLogsAndSignedUrls(String generation,
      @TempDir Path dir) throws Exception {
    String token = SecretCanary.newSecret().replaceAll("[^\\x21-\\x7e]", "");
    String code = "2fa-" + SecretCanary.newSecret().replaceAll("[^A-Za-z0-9]", "");
    Files.writeString(dir.resolve("Procfile"), "web: java -jar app.jar\n");
    try (LogCapture logs = LogCapture.start();
        FakeHerokuApi api = FakeHerokuApi.builder().token(token).requireTwoFactorCode(code)
            .start();
        Heroku heroku = Heroku.builder().token(token).baseUrl(api.baseUrl()).build()) {
      api.addApp("shop-staging");
      api.addApp("shop-prod");
      api.setGeneration("shop-staging", generation).setGeneration("shop-prod", generation);
      api.addPipeline("shop");
      api.couple("shop", "shop-staging", "staging").couple("shop", "shop-prod", "production");
      api.provisioningDelay(Duration.ZERO);
      api.scriptBuild(BuildScript.succeeding().dropStreamAfter(1).releasePhase("migrating"));
      api.addLogLines("shop-prod", "2026-12-03T10:00:00.000001+00:00 app[web.1]: hello",
          "2026-12-03T10:00:01.000001+00:00 app[web.1]: world");
      api.dropNextLogStream("shop-prod", 1);
      Workflows workflows = heroku.workflows().withWaiter(Waiter.builder()
          .timeout(Duration.ofSeconds(30)).interval(Duration.ofMillis(5)).build());

      // the fake answers 400 to a signed URL that is sent the token: a leak would fail these
      DeployResult deployed = workflows.deploys().deploy(
          DeployRequest.builder("shop-staging", DeploySource.directory(dir)).build());
      PromotionResult promoted = workflows.pipelines().promote(Promotion.builder()
          .source("shop-staging").target("shop-prod").twoFactorCode(code).build());
      List<String> lines = new ArrayList<>();
      try (LogStream tail = workflows.logs().open("shop-prod",
          LogOptions.builder().tail(true).lines(10).build())) {
        while (lines.size() < 2 && tail.hasNext()) lines.add(tail.next().message());
      }
      Throwable withoutCode = catchThrowable(() -> workflows.pipelines().promote(
          Promotion.builder().source("shop-staging").target("shop-prod").build()));

      assertThat(promoted.succeeded()).isTrue();
      assertThat(lines).as("the tail reconnected after the drop").containsExactly("hello", "world");
      assertThat(withoutCode).isInstanceOf(TwoFactorRequiredException.class);
      assertThat(api.requests()).anySatisfy(r ->
          assertThat(r.header("Heroku-Two-Factor-Code")).isEqualTo(code));
      assertThat(logs.text()).as("the workflows logged at TRACE").contains("POST /sources");
      SecretCanary.assertNoLeak(token, deployed, promoted, withoutCode, workflows, logs);
      SecretCanary.assertNoLeak(code, promoted, withoutCode, workflows, logs);
    }
  }

  @Test
  void theDataApiKeepsTheTokenOutOfLogsErrorsAndTheSignedBackupUrl() throws Exception {
    String token = SecretCanary.newSecret().replaceAll("[^\\x21-\\x7e]", "");
    ManualClock clock = new ManualClock();
    try (LogCapture logs = LogCapture.start();
        FakeDataApi data = FakeDataApi.start(token, clock);
        Heroku heroku = Heroku.builder().token(token).baseUrl("http://127.0.0.1:9/")
            .dataUrl(data.baseUrl()).build()) {
      data.addPostgres("shop", "postgresql-shop", "standard-0").backupSize(200_000)
          .dropNextDownloadAt(50_000);
      HerokuData client = heroku.data().withWaiter(
          clock.waiter(Duration.ofMinutes(10), Duration.ofSeconds(3)));
      Transfer backup = client.postgres().backups().captureAndWait("shop", "postgresql-shop",
          t -> { });
      // the fake refuses a signed URL that is sent the token, so this download proves it wasn't
      long bytes = client.postgres().backups().download("shop", backup.name(),
          new java.io.ByteArrayOutputStream(), p -> { });
      Throwable missing = catchThrowable(() -> client.postgres().info("nope"));

      assertThat(bytes).isEqualTo(200_000);
      assertThat(missing).isInstanceOf(HerokuApiException.class);
      SecretCanary.assertNoLeak(token, backup, missing, client, logs);
    }
  }
}
