package io.herokusdk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.herokusdk.api.model.AppCreateRequest;
import io.herokusdk.api.model.OauthAuthorization;
import io.herokusdk.testing.LogCapture;
import io.herokusdk.testing.SecretCanary;
import io.herokusdk.testing.TraceLogging;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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

}
