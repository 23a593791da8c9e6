package io.herokusdk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.api.internal.Netrc;
import io.herokusdk.api.model.OauthAuthorization;
import io.herokusdk.core.ConfigVars;
import io.herokusdk.core.MissingConfigVarException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FromEnvAndSecurityTest {
  @TempDir
  Path home;

  static String token(Heroku.Builder b) throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
      try (Heroku h = b.baseUrl(server.url("/").toString()).build()) {
        h.account().info();
      }
      return server.takeRequest().getHeaders().get("Authorization");
    }
  }

  @Test
  void tokenComesFromHerokuApiKeyFirst() throws Exception {
    Files.writeString(home.resolve(".netrc"), "machine api.heroku.com login a@b.c password netrc-token\n");
    Heroku.Builder b = Heroku.builderFrom(ConfigVars.of(Map.of("HEROKU_API_KEY", "env-token")), home);
    assertThat(token(b)).isEqualTo("Bearer env-token");
  }

  @Test
  void elseFromTheNetrcMachineEntry() throws Exception {
    Files.writeString(home.resolve(".netrc"), """
        # comment
        machine git.heroku.com login a@b.c password git-token
        machine api.heroku.com
          login a@b.c
          password "api token"
        default login x password default-token
        """);
    assertThat(token(Heroku.builderFrom(ConfigVars.of(Map.of()), home)))
        .isEqualTo("Bearer api token");
  }

  @Test
  void elseFromTheNetrcDefaultEntry() throws Exception {
    Files.writeString(home.resolve(".netrc"), """
        macdef init
        machine api.heroku.com password inside-a-macro

        machine example.com login a password b
        default login x password default-token
        """);
    assertThat(token(Heroku.builderFrom(ConfigVars.of(Map.of()), home)))
        .isEqualTo("Bearer default-token");
  }

  @Test
  void noTokenAnywhereSaysWhereToPutOne() {
    assertThatThrownBy(() -> Heroku.builderFrom(ConfigVars.of(Map.of()), home))
        .isInstanceOf(MissingConfigVarException.class)
        .hasMessageContaining("HEROKU_API_KEY");
  }

  @Test
  void netrcEntriesDoNotPrintPasswords() {
    Netrc netrc = Netrc.parse("machine api.heroku.com login me password s3cr3t-value");
    assertThat(netrc.toString()).doesNotContain("s3cr3t-value");
  }

  @Test
  void tokenCanaryNeverLeaksIntoToStringExceptionsOrLogs() throws Exception {
    String canary = "canary-token-7d41c0b2e9f8";
    List<Object> evidence = new ArrayList<>();
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      // the server echoes the token back in a non-JSON error body
      server.enqueue(new MockResponse.Builder().code(500).body("bad token " + canary).build());
      server.enqueue(new MockResponse.Builder().code(401)
          .body("{\"id\":\"unauthorized\",\"message\":\"Invalid credentials " + canary + "\"}")
          .build());
      server.enqueue(new MockResponse.Builder().code(200)
          .body("{\"access_token\": {\"token\": \"" + canary + "\"}, \"id\": \"a\"}").build());
      Heroku.Builder builder = Heroku.builder().token(canary).baseUrl(server.url("/").toString())
          .retryPolicy(RetryPolicy.none());
      evidence.add(builder);
      try (Heroku heroku = builder.build()) {
        evidence.add(heroku);
        evidence.add(heroku.withTwoFactorCode("654321"));
        evidence.add(catchAny(() -> heroku.apps().create(
            io.herokusdk.api.model.AppCreateRequest.builder().build())));
        evidence.add(catchAny(() -> heroku.account().info()));
        OauthAuthorization auth = heroku.oauthAuthorizations().info("a");
        assertThat(auth.accessToken().token()).isEqualTo(canary);
        evidence.add(auth);
      }
    } finally {
      System.setErr(originalErr);
    }
    evidence.add(logs.toString(StandardCharsets.UTF_8));
    assertThat(logs.toString(StandardCharsets.UTF_8)).contains("-->");
    for (Object e : evidence) {
      String text = e instanceof Throwable t ? t + " " + t.getCause() : String.valueOf(e);
      assertThat(text).as("evidence of type " + e.getClass().getSimpleName())
          .doesNotContain(canary);
    }
  }

  static Throwable catchAny(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("expected an exception");
  }

  @Test
  void httpsFailsClosedWhenTheHandshakeFails() throws Exception {
    // The SDK never replaces OkHttp's TLS settings (no trust-all manager): a failed handshake is
    // an error, not a fallback.
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      String https = server.url("/").toString().replace("http://", "https://");
      try (Heroku heroku = Heroku.builder().token("tls-test-token").baseUrl(https)
          .retryPolicy(RetryPolicy.none()).build()) {
        assertThatThrownBy(() -> heroku.account().info())
            .isInstanceOf(HerokuConnectionException.class)
            .hasCauseInstanceOf(javax.net.ssl.SSLHandshakeException.class);
      }
    }
  }
}
