package io.herokusdk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.testing.herokuapi.FakeHerokuApi.ReceivedRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schema check that every fake answer goes through catches answers that drifted. */
class SchemaCheckedFakeTest {
  private static ReceivedRequest answered(String method, String path, int status, String json) {
    return new ReceivedRequest(method, path, null, Map.of(), "", status, json);
  }

  @Test
  void acceptsAnAnswerShapedLikeTheSchemaAndRejectsOneThatIsNot() throws Exception {
    SchemaLinksTest.schemaOrSkip();
    String goodConfig = "{\"FEATURE_X\":\"on\"}";
    assertThat(SchemaCheckedFake.checkAnswers(List.of(
        answered("GET", "/apps/my-app/config-vars", 200, goodConfig),
        answered("GET", "/apps/nope", 404,
            "{\"id\":\"not_found\",\"message\":\"Couldn't find that app.\",\"url\":\"u\"}"))))
        .isEqualTo(2);

    assertThatThrownBy(() -> SchemaCheckedFake.checkAnswers(List.of(
        answered("GET", "/apps/my-app/formation/web", 200,
            "{\"type\":\"web\",\"quantity\":\"one\",\"surprise\":true}"))))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("quantity")
        .hasMessageContaining("surprise");
    assertThatThrownBy(() -> SchemaCheckedFake.checkAnswers(List.of(
        answered("GET", "/no-such-resource", 200, "{}"))))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no link of the schema");
    assertThatThrownBy(() -> SchemaCheckedFake.checkAnswers(List.of(
        answered("POST", "/apps", 422, "{\"error\":\"bad\"}"))))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("error body");
  }
}
