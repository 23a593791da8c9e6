package io.herokusdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigExceptionTest {

  @Test
  void missingWithTheGenericHint() {
    MissingConfigVarException e = MissingConfigVarException.of("HEROKU_API_KEY");

    assertThat(e).isInstanceOf(ConfigException.class);
    assertThat(e.configVar()).contains("HEROKU_API_KEY");
    assertThat(e.relatedConfigVars()).isEmpty();
    assertThat(e.getMessage()).isEqualTo("HEROKU_API_KEY is not set. Set it with `heroku "
        + "config:set HEROKU_API_KEY=...`, or for local runs add it to .env.");
  }

  @Test
  void missingWithAHintAndRelatedNames() {
    MissingConfigVarException e = MissingConfigVarException.of("SENDGRID_API_KEY",
        "  Add the add-on with `heroku addons:create sendgrid`.  ",
        List.of("SENDGRID_USERNAME", "SENDGRID_PASSWORD"));

    assertThat(e.getMessage()).isEqualTo("SENDGRID_API_KEY is not set. Add the add-on with "
        + "`heroku addons:create sendgrid`. Config vars that look related and are set: "
        + "SENDGRID_USERNAME, SENDGRID_PASSWORD.");
    assertThat(e.relatedConfigVars()).containsExactly("SENDGRID_USERNAME", "SENDGRID_PASSWORD");
  }

  @Test
  void relatedNamesAreCopied() {
    List<String> related = new java.util.ArrayList<>(List.of("A_URL"));
    MissingConfigVarException e = MissingConfigVarException.of("B_URL", null, related);
    related.add("C_URL");
    assertThat(e.relatedConfigVars()).containsExactly("A_URL");
  }

  @Test
  void invalidMayOrMayNotNameAVar() {
    InvalidConfigVarException named = new InvalidConfigVarException("PORT", "PORT is bad.");
    InvalidConfigVarException unnamed = new InvalidConfigVarException(null, "Bad.", null);

    assertThat(named).isInstanceOf(ConfigException.class).hasMessage("PORT is bad.");
    assertThat(named.configVar()).contains("PORT");
    assertThat(unnamed.configVar()).isEmpty();
  }

  @Test
  void relatedNamesPreferMoreSharedWordsAndStopAtTen() {
    ConfigVars.Builder builder = ConfigVars.builder()
        .override("HEROKU_POSTGRESQL_RED_URL", "x")
        .override("DATABASE_CONNECTION_POOL_URL", "x");
    for (int i = 0; i < 20; i++) builder.override("SERVICE" + i + "_URL", "x");

    MissingConfigVarException e = builder.build().missing("DATABASE_URL", null);

    assertThat(e.relatedConfigVars()).hasSize(10).startsWith("DATABASE_CONNECTION_POOL_URL");
  }
}
