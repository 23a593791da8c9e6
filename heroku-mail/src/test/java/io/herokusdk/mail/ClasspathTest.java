package io.herokusdk.mail;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * heroku-mail puts no Apache HttpClient, Jackson or sendgrid-java on its users' classpath: the
 * first logs request headers (the API key) at DEBUG, the rest brought a Jackson that did not
 * match the app's own. The test classpath is the runtime one plus test tools, so a class missing
 * here is missing for users too. (commons-logging is not checked here: the test classpath routes
 * it to SLF4J on purpose; the mail-only consumer project under it/ checks a user's classpath.)
 */
class ClasspathTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "org.apache.http.client.HttpClient",
      "org.apache.http.HttpRequest",
      "com.fasterxml.jackson.databind.ObjectMapper",
      "com.fasterxml.jackson.core.JsonFactory",
      "com.fasterxml.jackson.annotation.JsonProperty",
      "com.sendgrid.SendGrid"})
  void isNotOnTheClasspath(String className) {
    assertThatThrownBy(() -> Class.forName(className, false, getClass().getClassLoader()))
        .isInstanceOf(ClassNotFoundException.class);
  }
}
