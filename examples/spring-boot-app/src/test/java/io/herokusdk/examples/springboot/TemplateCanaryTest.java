package io.herokusdk.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokusdk.core.ServiceUrl;
import io.herokusdk.mail.InMemoryOutbox;
import io.herokusdk.spring.test.HerokuTestServices;
import io.herokusdk.testing.LogCapture;
import io.herokusdk.testing.SecretCanary;
import io.herokusdk.testing.TraceLogging;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole template at TRACE (Tomcat, Spring MVC, Spring Data JDBC, Flyway, Lettuce, pgjdbc,
 * Hikari, the SDK): a planted API key and the database password appear in no log line and no
 * answer while the app starts, signs up, reads and reports its health.
 */
@ExtendWith(TraceLogging.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.flyway.enabled=true", "signup.worker=true",
    "management.endpoints.web.exposure.include=health,info,env",
    "management.endpoint.env.show-values=always",
    "management.endpoint.health.show-details=always"})
@HerokuTestServices
class TemplateCanaryTest {
  // started before the Spring context, so its start-up is captured too
  static final LogCapture logs = LogCapture.start();
  static final String API_KEY = SecretCanary.newSecret().replaceAll("[^\\x21-\\x7e]", "");

  @DynamicPropertySource
  static void plantTheKey(DynamicPropertyRegistry registry) {
    registry.add("HEROKU_API_KEY", () -> API_KEY);
  }

  @TestConfiguration
  static class Outbox {
    @Bean
    InMemoryOutbox outbox() {
      return new InMemoryOutbox();
    }
  }

  @LocalServerPort int port;
  @Autowired Environment environment;
  @Autowired InMemoryOutbox outbox;

  @AfterAll
  static void stop() {
    logs.close();
  }

  @Test
  void theKeyAndThePasswordAppearInNoLogLineAndNoAnswer() throws Exception {
    Http http = new Http(port, "10.1.0.1");
    List<Object> evidence = new ArrayList<>();
    HttpResponse<String> signup = http.signup("grace@example.com", "Grace Hopper");
    assertThat(signup.statusCode()).isEqualTo(201);
    String location = signup.headers().firstValue("Location").orElseThrow();
    Http.await("the welcome email", () -> !outbox.sentTo("grace@example.com").isEmpty());
    for (String path : List.of(location, location, "/actuator/health", "/actuator/info",
        "/actuator/env")) {
      HttpResponse<String> answer = http.get(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(200);
      evidence.add(answer.body());
    }
    evidence.add(http.signup("not-an-email", "x").body());
    evidence.add(logs.text());

    assertThat(logs.lines()).as("TRACE logging reached the capture")
        .anyMatch(line -> line.contains("TRACE"));
    String password = ServiceUrl.parse("DATABASE_URL", environment.getRequiredProperty(
        "DATABASE_URL")).password().orElseThrow().reveal();
    SecretCanary.assertNoLeak(API_KEY, evidence.toArray());
    SecretCanary.assertNoLeak(password, evidence.toArray());
  }
}
