package io.herokusdk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.core.MissingConfigVarException;
import io.herokusdk.testing.herokuapi.FakeHerokuApi;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code Heroku.fromConfig}: the same entry point as the other modules', from explicit vars. */
class FromConfigTest {
  @Test
  void aClientFromExplicitConfigVarsUsesTheirToken() {
    try (FakeHerokuApi api = FakeHerokuApi.start();
        Heroku heroku = Heroku.fromConfig(ConfigVars.of(Map.of(
            "HEROKU_API_KEY", api.token(), "HEROKU_DATA_HOST", "data.example.test")))) {
      Heroku pointed = heroku.toBuilder().baseUrl(api.baseUrl()).build();
      api.addApp("shop");

      assertThat(pointed.apps().info("shop").name()).isEqualTo("shop");
      assertThat(api.lastRequest().header("Authorization")).isEqualTo("Bearer " + api.token());
      assertThat(heroku.toString()).doesNotContain(api.token());
      pointed.close();
    }
  }

  @Test
  void withoutATokenTheErrorNamesTheVarAndReadsNoNetrc() {
    assertThatThrownBy(() -> Heroku.fromConfig(ConfigVars.of(Map.of())))
        .isInstanceOf(MissingConfigVarException.class)
        .hasMessageContaining("HEROKU_API_KEY");
  }
}
