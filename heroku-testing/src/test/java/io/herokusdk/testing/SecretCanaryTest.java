package io.herokusdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class SecretCanaryTest {
  private final String secret = SecretCanary.newSecret();

  @Test
  void newSecretsAreDistinctAndNeedEncoding() {
    assertThat(secret).startsWith("canary_").isNotEqualTo(SecretCanary.newSecret());
    assertThat(SecretCanary.percentEncode(secret)).isNotEqualTo(secret).doesNotContain("@", ":", "/");
    assertThat(SecretCanary.leakForms(secret)).hasSize(4).contains(secret);
  }

  @Test
  void cleanEvidencePasses() {
    assertThatCode(
            () ->
                SecretCanary.assertNoLeak(
                    secret,
                    "postgres://u:****@host/db",
                    new IllegalStateException("could not connect", new IOException("refused")),
                    null,
                    Map.of("a", "b")))
        .doesNotThrowAnyException();
  }

  @Test
  void findsTheRawSecretInAString() {
    assertLeak(() -> SecretCanary.assertNoLeak(secret, "ok", "password=" + secret), "evidence #2");
  }

  @Test
  void findsPercentEncodedForms() {
    String encoded = SecretCanary.percentEncode(secret);
    assertLeak(() -> SecretCanary.assertNoLeak(secret, "postgres://u:" + encoded + "@h/db"),
        "percent-encoded");
    assertLeak(() -> SecretCanary.assertNoLeak(secret, "x" + encoded.toLowerCase()), "lower-case");
    assertLeak(
        () -> SecretCanary.assertNoLeak(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8)),
        "form-encoded");
  }

  @Test
  void findsTheSecretDeepInCausesAndSuppressed() {
    Exception root = new SQLException("FATAL: bad password " + secret);
    Exception middle = new IOException("io", root);
    Exception top = new IllegalStateException("top", middle);
    assertLeak(() -> SecretCanary.assertNoLeak(secret, top), "cause → cause java.sql.SQLException");

    Exception withSuppressed = new RuntimeException("clean");
    withSuppressed.addSuppressed(new IOException("close failed", new Error(secret)));
    assertLeak(() -> SecretCanary.assertNoLeak(secret, withSuppressed), "suppressed #1 → cause");
  }

  @Test
  void survivesCauseCycles() {
    Exception a = new Exception("a");
    Exception b = new Exception("b", a);
    a.initCause(b);
    assertThatCode(() -> SecretCanary.assertNoLeak(secret, a)).doesNotThrowAnyException();
  }

  @Test
  void checksToStringOfAnyObject() {
    Object leaky =
        new Object() {
          @Override
          public String toString() {
            return "Client[password=" + secret + "]";
          }
        };
    assertLeak(() -> SecretCanary.assertNoLeak(secret, List.of("fine"), leaky), "toString()");
  }

  @Test
  void checksCapturedLogs() {
    try (LogCapture logs = LogCapture.start()) {
      org.slf4j.LoggerFactory.getLogger("canary").warn("connecting with {}", secret);
      assertLeak(() -> SecretCanary.assertNoLeak(secret, logs), "captured log");
    }
  }

  @Test
  void rejectsShortSecrets() {
    assertThatThrownBy(() -> SecretCanary.assertNoLeak("abc", "abc"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void acceptsCoreSecret() {
    io.herokusdk.core.Secret wrapped = io.herokusdk.core.Secret.of(secret);
    assertThatCode(() -> SecretCanary.assertNoLeak(wrapped, wrapped, "x")).doesNotThrowAnyException();
    assertLeak(() -> SecretCanary.assertNoLeak(wrapped, wrapped.reveal()), "the secret");
  }

  private void assertLeak(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String where) {
    assertThatThrownBy(call)
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("secret leaked")
        .hasMessageContaining(where)
        .satisfies(e -> SecretCanary.assertNoLeak(secret, e.getMessage()));
  }
}
