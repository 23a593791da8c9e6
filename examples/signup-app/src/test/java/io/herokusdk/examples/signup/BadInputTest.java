package io.herokusdk.examples.signup;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokusdk.mail.InMemoryOutbox;
import io.herokusdk.testing.PostgresExtension;
import io.herokusdk.testing.RedisExtension;
import io.herokusdk.testing.TestDatabase;
import io.herokusdk.testing.TestRedis;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad requests get a JSON 4xx naming the field, never a 500. */
@ExtendWith({PostgresExtension.class, RedisExtension.class})
class BadInputTest {
  static RunningApp app;

  @BeforeAll
  static void start(TestDatabase db, TestRedis redis) {
    app = RunningApp.start(db, redis, new InMemoryOutbox(), Map.of("SIGNUP_RATE_LIMIT", "1000"));
  }

  @AfterAll
  static void stop() {
    if (app != null) app.close();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "``                                               | body",
      "`   `                                            | body",
      "`not json`                                       | body",
      "`{\"email\": \"a@example.com\"`                  | body",
      "`[1, 2]`                                         | body",
      "`\"a string\"`                                   | body",
      "`{}`                                             | email",
      "`{\"name\": \"Ada\"}`                            | email",
      "`{\"email\": null, \"name\": \"Ada\"}`           | email",
      "`{\"email\": 42, \"name\": \"Ada\"}`             | email",
      "`{\"email\": \"  \", \"name\": \"Ada\"}`         | email",
      "`{\"email\": \"ada\", \"name\": \"Ada\"}`        | email",
      "`{\"email\": \"ada@\", \"name\": \"Ada\"}`       | email",
      "`{\"email\": \"a b@example.com\", \"name\": \"Ada\"}` | email",
      "`{\"email\": \"<a@example.com>\", \"name\": \"Ada\"}` | email",
      "`{\"email\": [\"a@example.com\"], \"name\": \"Ada\"}` | email",
      "`{\"email\": \"a@example.com\"}`                 | name",
      "`{\"email\": \"a@example.com\", \"name\": \"\"}`  | name",
      "`{\"email\": \"a@example.com\", \"name\": true}`  | name",
      "`{\"email\": \"a@example.com\", \"name\": \"A\\nB\"}` | name",
      "`{\"email\": \"a@example.com\", \"name\": \"Ada\", \"admin\": true}` | admin",
  })
  void signupRejectsBadBodiesNamingTheField(String body, String field) {
    HttpResponse<String> response = app.post("/signup", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body()).contains("\"error\":\"invalid_request\"",
        "\"field\":\"" + field + "\"");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "`not json`", "`{\"email\": \"a@example.com\"`", "`{'email': 'a@example.com'}`",
      "`{\"email\": \"a@example.com\", \"name\": \"Ada\"} trailing`", "`[1, 2]`"})
  void bodyThatIsNotAJsonObjectGetsACleanMessage(String body) {
    HttpResponse<String> response = app.post("/signup", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body())
        .contains("\"field\":\"body\"", "The body must be a JSON object like",
            "ada@example.com")
        .doesNotContain("JsonReader", "setLenient", "malformed JSON", "at path", "$.");
  }

  @Test
  void tooLongFieldsAreRejected() {
    String longName = "n".repeat(SignupRequest.MAX_NAME_LENGTH + 1);
    HttpResponse<String> response = app.signup("long@example.com", longName);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"field\":\"name\"", "at most 100");
  }

  @Test
  void anOversizedBodyIsA413NotA500() {
    String body = "{\"email\":\"big@example.com\",\"name\":\"" + "x".repeat(100_000) + "\"}";
    HttpResponse<String> response = app.post("/signup", body);
    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void aDuplicateEmailIsA409IgnoringCase() {
    assertThat(app.signup("grace@example.com", "Grace").statusCode()).isEqualTo(201);
    HttpResponse<String> again = app.signup("Grace@Example.COM", "Grace again");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("\"error\":\"email_taken\"", "\"field\":\"email\"");
  }

  @Test
  void surroundingBlanksAreStripped() {
    HttpResponse<String> response = app.signup("  linus@example.com ", " Linus ");
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.body()).contains("\"email\":\"linus@example.com\"", "\"name\":\"Linus\"");
  }

  @ParameterizedTest
  @CsvSource({"/users/abc, 400, id", "/users/0, 400, id", "/users/-5, 400, id",
      "/users/99999999999999999999, 400, id", "/users/424242, 404, id"})
  void userIdsAreChecked(String path, int status, String field) {
    HttpResponse<String> response = app.get(path);
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.body()).contains("\"field\":\"" + field + "\"");
  }

  @Test
  void unknownEndpointsAndMethodsAreJson404s() {
    HttpResponse<String> response = app.get("/nope");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("\"error\":\"not_found\"");
    HttpResponse<String> wrongMethod = app.post("/health", "{}");
    assertThat(wrongMethod.statusCode()).isEqualTo(404);
    assertThat(wrongMethod.headers().firstValue("Content-Type")).hasValue("application/json");
  }
}
