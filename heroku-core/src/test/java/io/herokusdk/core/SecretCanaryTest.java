package io.herokusdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokusdk.core.internal.PercentCodec;
import io.herokusdk.core.internal.UrlParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A planted secret put wherever a secret can go must never come out of any {@code toString()}
 * or exception message (or stack trace) of this module, in plain or percent-encoded form.
 */
class SecretCanaryTest {
  /** Mixed case, digits and characters that need percent-encoding in a URL. */
  private static final String CANARY = "Cn4ry@p:ss/w?rd#";
  private static final String CANARY_ENCODED = PercentCodec.encode(CANARY);
  /** Only unreserved characters, so it can be pasted into URLs and .env files as is. */
  private static final String PLAIN_CANARY = "Cn4ryPl41nS3cret";

  @TempDir Path dir;

  @Test
  void secret() {
    assertClean(Secret.of(CANARY).toString());
    assertClean(String.valueOf(List.of(Secret.of(CANARY))));
    assertClean(String.valueOf(Map.of("k", Secret.of(CANARY))));
  }

  @Test
  void serviceUrls() {
    List<String> urls = List.of(
        "postgres://user:" + CANARY_ENCODED + "@host:5432/db",
        "postgres://user:" + PLAIN_CANARY + "@host/db?sslmode=require",
        "redis://:" + CANARY_ENCODED + "@[::1]:6380/0",
        "rediss://:" + PLAIN_CANARY + "@h",
        "mysql://u:p@ss:" + PLAIN_CANARY + "@h/db",
        "postgres://h/db?password=" + CANARY_ENCODED + "&user=u",
        "postgres://h/db?sslpassword=" + PLAIN_CANARY,
        "https://h/x?api_key=" + PLAIN_CANARY + "&access_token=" + PLAIN_CANARY
            + "&client_secret=" + PLAIN_CANARY + "&X-Amz-Signature=" + PLAIN_CANARY);
    for (String text : urls) {
      ServiceUrl url = ServiceUrl.parse("DATABASE_URL", text);
      assertClean(url.toString());
      assertClean(url.toRedactedString());
      assertClean(url.query().toString());
      assertClean(url.query().toRedactedString());
      assertClean(url.query().all().toString());
      assertClean(url.password().toString());
      assertClean(url.withoutCredentials().toString());
      assertClean(url.withQuery(url.query().with("password", PLAIN_CANARY)).toString());
      assertClean(url.toSecret().toString());
      assertClean(UrlParser.parse("X", text, ServiceUrl::defaultPort).toString());
    }
  }

  @Test
  void queryParameters() {
    QueryParameters query = QueryParameters.empty()
        .with("password", CANARY)
        .with("PGPASSWORD", PLAIN_CANARY)
        .with("token", CANARY);
    assertClean(query.toString());
    assertClean(query.all().toString());
    assertClean(new QueryParameters.Parameter("secret_key", CANARY).toString());
  }

  @Test
  void configVarsToStringFromEverySource() throws IOException {
    Path dotEnv = Files.writeString(dir.resolve(".env"), "FROM_FILE=" + PLAIN_CANARY + "\n");
    ConfigVars vars = ConfigVars.builder()
        .dotEnv(dotEnv)
        .environment(Map.of("FROM_ENV", CANARY))
        .override("FROM_OVERRIDE", CANARY)
        .build();

    assertClean(vars.toString());
    assertClean(vars.names().toString());
    assertClean(vars.secret("FROM_ENV").toString());
    assertClean(vars.requireSecret("FROM_OVERRIDE").toString());
  }

  @Test
  void configVarErrors() {
    ConfigVars vars = ConfigVars.of(Map.of(
        "INT_VAR", CANARY,
        "BOOL_VAR", CANARY,
        "DURATION_VAR", CANARY,
        "CANARY_URL", "postgres://u:" + PLAIN_CANARY + "@h:99999/db",
        "OTHER_CANARY_URL", CANARY));

    assertErrorIsClean(() -> vars.getInt("INT_VAR"));
    assertErrorIsClean(() -> vars.getInt("INT_VAR", 1));
    assertErrorIsClean(() -> vars.getBoolean("BOOL_VAR"));
    assertErrorIsClean(() -> vars.getDuration("DURATION_VAR"));
    assertErrorIsClean(() -> vars.url("CANARY_URL"));
    assertErrorIsClean(() -> vars.requireUrl("OTHER_CANARY_URL"));
    assertErrorIsClean(() -> vars.require("MISSING_URL"));
    assertErrorIsClean(() -> vars.require("MISSING_URL", "Set it."));
    assertErrorIsClean(() -> vars.requireSecret("MISSING_CANARY"));
  }

  @Test
  void serviceUrlErrors() {
    List<String> broken = List.of(
        "postgres://u:" + PLAIN_CANARY + "@h:0/db",
        "postgres://u:" + CANARY_ENCODED + "@/db",
        "postgres://u:" + PLAIN_CANARY + "%zz@h/db",
        "postgres://u:" + CANARY + "@h/db",
        "jdbc:postgresql://h/db?password=" + PLAIN_CANARY,
        "u:" + PLAIN_CANARY + "@h:5432",
        "postgres://u:" + PLAIN_CANARY + " @h/db",
        "postgres://u:" + PLAIN_CANARY + "@[::1/db",
        "unknown://u:" + PLAIN_CANARY + "@h/db",
        "postgres:///db?password=" + PLAIN_CANARY + "&host=/tmp",
        PLAIN_CANARY,
        CANARY);
    for (String text : broken) {
      assertErrorIsClean(() -> ServiceUrl.parse("DATABASE_URL", text));
      assertErrorIsClean(() -> ServiceUrl.parse(null, text));
    }
  }

  @Test
  void dotEnvErrors() throws IOException {
    List<String> contents = List.of(
        PLAIN_CANARY + "\n",
        "A=\"" + CANARY + "\n",
        "A='" + CANARY + "\n",
        "A=\"x\"" + PLAIN_CANARY + "\n",
        "=" + CANARY + "\n",
        "export " + PLAIN_CANARY + "\n");
    for (String content : contents) {
      Path file = Files.writeString(dir.resolve(".env"), content);
      assertErrorIsClean(() -> ConfigVars.builder().dotEnv(file).build());
    }
  }

  @Test
  void missingConfigVarExceptionShowsOnlyNames() {
    ConfigVars vars = ConfigVars.of(Map.of("REDIS_TLS_URL", "rediss://:" + PLAIN_CANARY + "@h"));
    MissingConfigVarException e = vars.missing("REDIS_URL", null);
    assertThat(e.relatedConfigVars()).containsExactly("REDIS_TLS_URL");
    assertClean(e.getMessage());
    assertClean(e.relatedConfigVars().toString());
  }

  @Test
  void redactor() {
    Redactor redactor = Redactor.of(Secret.of(CANARY), Secret.of(PLAIN_CANARY));
    assertClean(redactor.toString());
    assertClean(redactor.redact("driver said: " + CANARY + " / " + CANARY_ENCODED + " / "
        + "postgres://u:" + PLAIN_CANARY + "@h/db?password=" + PLAIN_CANARY));
    assertClean(Redactor.redactUrls("postgres://u:" + PLAIN_CANARY + "@h/db jdbc:postgresql://h/db"
        + "?user=u&password=" + PLAIN_CANARY));
  }

  private static void assertErrorIsClean(Supplier<?> action) {
    RuntimeException thrown = null;
    try {
      action.get();
    } catch (RuntimeException e) {
      thrown = e;
    }
    assertThat(thrown).as("expected an exception").isInstanceOf(ConfigException.class);
    List<String> texts = new ArrayList<>();
    texts.add(thrown.getMessage());
    texts.add(thrown.getLocalizedMessage());
    texts.add(thrown.toString());
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    texts.add(trace.toString());
    for (String text : texts) assertClean(text);
  }

  private static void assertClean(String text) {
    assertThat(text)
        .doesNotContain(CANARY)
        .doesNotContain(CANARY_ENCODED)
        .doesNotContain(PercentCodec.encodeLowerCase(CANARY))
        .doesNotContain(PLAIN_CANARY)
        .doesNotContain("Cn4ry");
  }
}
