package io.herokusdk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.testing.herokuapi.FakeDataApi;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataHostTest {
  @TempDir Path home;

  @Test
  void herokuDataHostPointsTheDataClientElsewhere() {
    try (FakeDataApi data = FakeDataApi.start("env-token", Clock.systemUTC())) {
      data.addPostgres("shop", "postgresql-curved-1", "standard-0");
      String origin = data.baseUrl().substring(0, data.baseUrl().length() - 1);
      try (Heroku heroku = Heroku.builderFrom(ConfigVars.of(Map.of("HEROKU_API_KEY", "env-token",
          "HEROKU_DATA_HOST", origin)), home).build()) {
        assertThat(heroku.data().postgres().info("postgresql-curved-1").plan())
            .isEqualTo("standard-0");
      }
    }
  }

  @Test
  void aBadHerokuDataHostNamesTheVarAndNotTheToken() {
    assertThatThrownBy(() -> Heroku.builderFrom(ConfigVars.of(Map.of("HEROKU_API_KEY",
        "secret-token", "HEROKU_DATA_HOST", "not a host")), home))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HEROKU_DATA_HOST")
        .hasMessageNotContaining("secret-token");
  }
}
