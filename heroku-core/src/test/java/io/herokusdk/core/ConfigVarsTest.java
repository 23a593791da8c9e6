package io.herokusdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigVarsTest {
  @TempDir Path dir;

  @Test
  void ofReturnsExactlyTheGivenVars() {
    ConfigVars vars = ConfigVars.of(Map.of("PORT", "5000", "WEB_CONCURRENCY", "2"));

    assertThat(vars.get("PORT")).contains("5000");
    assertThat(vars.get("HOME")).as("no process environment").isEmpty();
    assertThat(vars.names()).containsExactly("PORT", "WEB_CONCURRENCY");
    assertThat(vars.sourceOf("PORT")).contains(ConfigSource.OVERRIDE);
  }

  @Test
  void precedenceIsOverrideThenEnvironmentThenDotEnv() throws IOException {
    Path dotEnv = write(".env", "A=from-dotenv\nB=from-dotenv\nC=from-dotenv\n");

    ConfigVars vars = ConfigVars.builder()
        .dotEnv(dotEnv)
        .environment(Map.of("A", "from-env", "B", "from-env"))
        .override("A", "from-override")
        .build();

    assertThat(vars.get("A")).contains("from-override");
    assertThat(vars.get("B")).contains("from-env");
    assertThat(vars.get("C")).contains("from-dotenv");
    assertThat(vars.sourceOf("A")).contains(ConfigSource.OVERRIDE);
    assertThat(vars.sourceOf("B")).contains(ConfigSource.ENVIRONMENT);
    assertThat(vars.sourceOf("C")).contains(ConfigSource.DOT_ENV);
    assertThat(vars.sourceOf("D")).isEmpty();
  }

  @Test
  void blankValuesCountAsUnsetAndFallThroughToTheNextSource() throws IOException {
    Path dotEnv = write(".env", "A=from-dotenv\nB=\nC=   \n");

    ConfigVars vars = ConfigVars.builder()
        .dotEnv(dotEnv)
        .environment(Map.of("A", "", "D", " "))
        .override("C", "")
        .build();

    assertThat(vars.get("A")).contains("from-dotenv");
    assertThat(vars.get("B")).isEmpty();
    assertThat(vars.get("C")).isEmpty();
    assertThat(vars.get("D")).isEmpty();
    assertThat(vars.names()).containsExactly("A");
    assertThatThrownBy(() -> vars.require("B")).isInstanceOf(MissingConfigVarException.class);
  }

  @Test
  void valuesAreReturnedExactlyAsSet() {
    ConfigVars vars = ConfigVars.of(Map.of("A", "  padded  "));
    assertThat(vars.get("A")).contains("  padded  ");
  }

  @Test
  void aMissingDotEnvFileIsIgnored() {
    ConfigVars vars = ConfigVars.builder().dotEnv(dir.resolve("nope.env")).build();
    assertThat(vars.names()).isEmpty();
  }

  @Test
  void theEnvironmentIsEmptyUnlessAskedFor() {
    assertThat(ConfigVars.builder().build().names()).isEmpty();
  }

  @Test
  void systemEnvironmentSnapshotsTheProcessEnvironment() {
    ConfigVars vars = ConfigVars.builder().systemEnvironment().build();
    System.getenv().forEach((name, value) -> {
      if (!value.isBlank()) assertThat(vars.get(name)).contains(value);
    });
  }

  @Test
  void fromEnvReadsTheEnvironment() {
    ConfigVars vars = ConfigVars.fromEnv();
    System.getenv().forEach((name, value) -> {
      if (!value.isBlank()) {
        assertThat(vars.get(name)).contains(value);
        assertThat(vars.sourceOf(name)).contains(ConfigSource.ENVIRONMENT);
      }
    });
  }

  @Test
  void overridesAddsEveryEntryAndLaterCallsWin() {
    ConfigVars vars = ConfigVars.builder()
        .overrides(Map.of("A", "1", "B", "2"))
        .override("A", "3")
        .build();
    assertThat(vars.get("A")).contains("3");
    assertThat(vars.get("B")).contains("2");
  }

  @Test
  void toBuilderKeepsEverySourceWithoutRereadingDotEnv() throws IOException {
    Path dotEnv = write(".env", "FROM_FILE=1\n");
    ConfigVars original = ConfigVars.builder()
        .dotEnv(dotEnv)
        .environment(Map.of("FROM_ENV", "2"))
        .override("FROM_OVERRIDE", "3")
        .build();
    Files.writeString(dotEnv, "FROM_FILE=changed\n");

    ConfigVars copy = original.toBuilder().override("EXTRA", "4").build();

    assertThat(copy.get("FROM_FILE")).contains("1");
    assertThat(copy.get("FROM_ENV")).contains("2");
    assertThat(copy.get("FROM_OVERRIDE")).contains("3");
    assertThat(copy.get("EXTRA")).contains("4");
    assertThat(original.get("EXTRA")).isEmpty();
    assertThat(original.toBuilder().dotEnv(dotEnv).build().get("FROM_FILE")).contains("changed");
  }

  @Test
  void builderRejectsNulls() {
    assertThatThrownBy(() -> ConfigVars.builder().override("A", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value of A == null");
    assertThatThrownBy(() -> ConfigVars.builder().dotEnv(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void isUnaffectedByLaterChangesToTheGivenMaps() {
    Map<String, String> env = new java.util.HashMap<>(Map.of("A", "1"));
    ConfigVars vars = ConfigVars.builder().environment(env).build();
    env.put("A", "2");
    assertThat(vars.get("A")).contains("1");
  }

  // ---- require and missing ----

  @Test
  void requireReturnsTheValue() {
    assertThat(ConfigVars.of(Map.of("A", "1")).require("A")).isEqualTo("1");
  }

  @Test
  void requireNamesTheMissingVarAndRelatedOnesThatAreSet() {
    ConfigVars vars = ConfigVars.of(Map.of(
        "HEROKU_POSTGRESQL_RED_URL", "postgres://u:hunter2@h/db",
        "ANALYTICS_URL", "postgres://u:hunter3@h/db",
        "PORT", "5000"));

    assertThatThrownBy(() -> vars.require("DATABASE_URL"))
        .isInstanceOf(MissingConfigVarException.class)
        .hasMessage("DATABASE_URL is not set. Set it with `heroku config:set DATABASE_URL=...`, "
            + "or for local runs add it to .env. Config vars that look related and are set: "
            + "ANALYTICS_URL, HEROKU_POSTGRESQL_RED_URL.")
        .satisfies(e -> {
          MissingConfigVarException missing = (MissingConfigVarException) e;
          assertThat(missing.configVar()).contains("DATABASE_URL");
          assertThat(missing.relatedConfigVars())
              .containsExactly("ANALYTICS_URL", "HEROKU_POSTGRESQL_RED_URL");
        });
  }

  @Test
  void requireWithAHintUsesIt() {
    ConfigVars vars = ConfigVars.of(Map.of("REDIS_TLS_URL", "rediss://h", "OTHER_URL", "x"));

    assertThatThrownBy(() -> vars.require("REDIS_URL", "Provision Heroku Key-Value Store with "
        + "`heroku addons:create heroku-redis`."))
        .hasMessage("REDIS_URL is not set. Provision Heroku Key-Value Store with `heroku "
            + "addons:create heroku-redis`. Config vars that look related and are set: "
            + "REDIS_TLS_URL, OTHER_URL.");
  }

  @Test
  void missingListsNoRelatedVarsWhenNoneShareAWord() {
    MissingConfigVarException e = ConfigVars.of(Map.of("PORT", "1")).missing("SENDGRID_API_KEY", null);
    assertThat(e.relatedConfigVars()).isEmpty();
    assertThat(e.getMessage()).doesNotContain("related");
  }

  @Test
  void requireSecret() {
    ConfigVars vars = ConfigVars.of(Map.of("SENDGRID_API_KEY", "SG.abc"));
    assertThat(vars.requireSecret("SENDGRID_API_KEY").reveal()).isEqualTo("SG.abc");
    assertThat(vars.secret("SENDGRID_API_KEY")).contains(Secret.of("SG.abc"));
    assertThat(vars.secret("NOPE")).isEmpty();
    assertThatThrownBy(() -> vars.requireSecret("NOPE"))
        .isInstanceOf(MissingConfigVarException.class);
  }

  // ---- typed getters ----

  @Test
  void getInt() {
    ConfigVars vars = ConfigVars.of(Map.of("PORT", " 5000 ", "NEG", "-3"));
    assertThat(vars.getInt("PORT")).hasValue(5000);
    assertThat(vars.getInt("NEG")).hasValue(-3);
    assertThat(vars.getInt("NOPE")).isEmpty();
    assertThat(vars.getInt("NOPE", 7)).isEqualTo(7);
    assertThat(vars.getInt("PORT", 7)).isEqualTo(5000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "5000x", "1.5", "99999999999", "0x10"})
  void getIntRejectsNonIntegersWithoutShowingTheValue(String value) {
    ConfigVars vars = ConfigVars.of(Map.of("WEB_CONCURRENCY", value));
    assertThatThrownBy(() -> vars.getInt("WEB_CONCURRENCY", 1))
        .isInstanceOf(InvalidConfigVarException.class)
        .hasMessageStartingWith("WEB_CONCURRENCY is not an integer")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(value));
  }

  @ParameterizedTest
  @CsvSource({
    "true, true", "TRUE, true", "yes, true", "Yes, true", "1, true",
    "false, false", "False, false", "no, false", "NO, false", "0, false",
  })
  void getBoolean(String value, boolean expected) {
    assertThat(ConfigVars.of(Map.of("FLAG", value)).getBoolean("FLAG")).contains(expected);
  }

  @Test
  void getBooleanRejectsOtherValues() {
    ConfigVars vars = ConfigVars.of(Map.of("FLAG", "maybe"));
    assertThat(vars.getBoolean("NOPE")).isEmpty();
    assertThatThrownBy(() -> vars.getBoolean("FLAG"))
        .isInstanceOf(InvalidConfigVarException.class)
        .hasMessage("FLAG is not a boolean; set it to true or false (yes/no and 1/0 also work).");
  }

  @ParameterizedTest
  @CsvSource({
    "30s, PT30S", "5m, PT5M", "250ms, PT0.25S", "1h, PT1H", "2d, PT48H", "45, PT45S",
    "' 10S ', PT10S", "PT1M30S, PT1M30S", "0, PT0S",
  })
  void getDuration(String value, String expected) {
    assertThat(ConfigVars.of(Map.of("TIMEOUT", value)).getDuration("TIMEOUT"))
        .contains(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-5s", "5 s", "xs", "5w", "1.5s", "PT-1S", "P", "99999999999999999999s",
      "9999999999999999d"})
  void getDurationRejectsOtherValues(String value) {
    ConfigVars vars = ConfigVars.of(Map.of("TIMEOUT", value));
    assertThat(vars.getDuration("NOPE")).isEmpty();
    assertThatThrownBy(() -> vars.getDuration("TIMEOUT"))
        .isInstanceOf(InvalidConfigVarException.class)
        .hasMessageStartingWith("TIMEOUT is not a duration; set it to a non-negative number")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(value));
  }

  @Test
  void urlParsesWithTheVarNameForErrors() {
    ConfigVars vars = ConfigVars.of(Map.of(
        "DATABASE_URL", "postgres://u:p@h/db",
        "BROKEN_URL", "postgres://u:hunter2@h:0/db"));

    assertThat(vars.url("DATABASE_URL").orElseThrow().configVar()).isEqualTo("DATABASE_URL");
    assertThat(vars.requireUrl("DATABASE_URL").path()).isEqualTo("db");
    assertThat(vars.url("NOPE")).isEmpty();
    assertThatThrownBy(() -> vars.url("BROKEN_URL"))
        .isInstanceOf(InvalidConfigVarException.class)
        .hasMessageStartingWith("BROKEN_URL has a port that is out of range");
    assertThatThrownBy(() -> vars.requireUrl("NOPE"))
        .isInstanceOf(MissingConfigVarException.class);
  }

  @Test
  void namesMatching() {
    ConfigVars vars = ConfigVars.of(Map.of(
        "HEROKU_POSTGRESQL_RED_URL", "a", "HEROKU_POSTGRESQL_BLUE_URL", "b", "DATABASE_URL", "c"));

    assertThat(vars.namesMatching(name -> name.startsWith("HEROKU_POSTGRESQL_")))
        .containsExactly("HEROKU_POSTGRESQL_BLUE_URL", "HEROKU_POSTGRESQL_RED_URL");
  }

  @Test
  void namesIsUnmodifiable() {
    ConfigVars vars = ConfigVars.of(Map.of("A", "1"));
    assertThatThrownBy(() -> vars.names().add("B"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void toStringListsNamesAndSourcesButNoValues() {
    ConfigVars vars = ConfigVars.builder()
        .environment(Map.of("DATABASE_URL", "postgres://u:hunter2@h/db"))
        .override("PORT", "5000")
        .build();

    assertThat(vars.toString()).isEqualTo("ConfigVars{DATABASE_URL=ENVIRONMENT, PORT=OVERRIDE}");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
