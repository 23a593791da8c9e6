package io.herokusdk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.herokusdk.api.internal.Netrc;
import io.herokusdk.api.model.AppCreateRequest;
import io.herokusdk.core.ConfigVars;
import io.herokusdk.core.MissingConfigVarException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
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
  void httpsRejectsACertificateTheJvmDoesNotTrust() throws Exception {
    // The SDK never replaces OkHttp's TLS settings (no trust-all manager): a server whose
    // self-signed certificate the JVM does not trust is refused, not talked to.
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      HeldCertificate selfSigned = new HeldCertificate.Builder()
          .addSubjectAlternativeName(server.getHostName()).build();
      server.useHttps(new HandshakeCertificates.Builder().heldCertificate(selfSigned).build()
          .sslSocketFactory());
      server.enqueue(new MockResponse.Builder().code(200)
          .body("{\"email\":\"ada@example.com\"}").build());
      String https = server.url("/").toString();
      assertThat(https).startsWith("https://");

      try (Heroku heroku = Heroku.builder().token("tls-test-token").baseUrl(https)
          .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(5))
          .retryPolicy(RetryPolicy.none()).build()) {
        assertThatThrownBy(() -> heroku.account().info())
            .isInstanceOf(HerokuConnectionException.class)
            .hasCauseInstanceOf(SSLHandshakeException.class);
      }
      assertThat(server.getRequestCount()).as("no request got through").isZero();

      // The same server is fine once the user's own client trusts its certificate.
      HandshakeCertificates clientCertificates = new HandshakeCertificates.Builder()
          .addTrustedCertificate(selfSigned.certificate()).build();
      OkHttpClient trusting = new OkHttpClient.Builder()
          .sslSocketFactory(clientCertificates.sslSocketFactory(),
              clientCertificates.trustManager())
          .build();
      try (Heroku heroku = Heroku.builder().token("tls-test-token").baseUrl(https)
          .okHttpClient(trusting)
          .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(5))
          .retryPolicy(RetryPolicy.none()).build()) {
        assertThat(heroku.account().info().email()).isEqualTo("ada@example.com");
      } finally {
        trusting.dispatcher().executorService().shutdown();
        trusting.connectionPool().evictAll();
      }
      assertThat(server.takeRequest().getHeaders().get("Authorization"))
          .isEqualTo("Bearer tls-test-token");
    }
  }
}
