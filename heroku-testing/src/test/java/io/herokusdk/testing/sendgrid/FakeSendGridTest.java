package io.herokusdk.testing.sendgrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.testing.sendgrid.FakeSendGrid.Answer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeSendGridTest {
  private static final String VALID = "{\"personalizations\":[{\"to\":[{\"email\":\"ada@example.com\"}]}],"
      + "\"from\":{\"email\":\"hello@example.com\",\"name\":\"Example\"},\"subject\":\"Hi\","
      + "\"content\":[{\"type\":\"text/plain\",\"value\":\"Hello\"}]}";

  private final HttpClient http = HttpClient.newHttpClient();
  private FakeSendGrid fake;

  @BeforeEach
  void start() {
    fake = FakeSendGrid.start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private HttpResponse<String> post(String body) throws Exception {
    return post("/v3/mail/send", "Bearer " + fake.apiKey(), body);
  }

  private HttpResponse<String> post(String path, String auth, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.endpoint() + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (auth != null) request.header("Authorization", auth);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String recipients(int n, String kind) {
    StringBuilder s = new StringBuilder("\"" + kind + "\":[");
    for (int i = 0; i < n; i++) {
      if (i > 0) s.append(',');
      s.append("{\"email\":\"user").append(i).append("@example.com\"}");
    }
    return s.append(']').toString();
  }

  @Test
  void acceptsAValidMessageWith202AndAMessageIdAndRecordsIt() throws Exception {
    HttpResponse<String> response = post(VALID);
    assertThat(response.statusCode()).isEqualTo(202);
    String id = response.headers().firstValue("X-Message-Id").orElseThrow();
    assertThat(response.headers().firstValue("X-RateLimit-Reset")).isPresent();
    assertThat(fake.accepted()).singleElement().satisfies(m -> {
      assertThat(m.messageId()).isEqualTo(id);
      assertThat(m.recipients()).containsExactly("ada@example.com");
      assertThat(m.subject()).isEqualTo("Hi");
      assertThat(m.from()).isEqualTo("hello@example.com");
    });
  }

  @Test
  void sandboxModeAnswers200AndIsRecordedAsSandbox() throws Exception {
    String body = VALID.replace("\"subject\"",
        "\"mail_settings\":{\"sandbox_mode\":{\"enable\":true}},\"subject\"");
    assertThat(post(body).statusCode()).isEqualTo(200);
    assertThat(fake.accepted().get(0).sandbox()).isTrue();
  }

  @Test
  void wrongOrMissingApiKeyIs401() throws Exception {
    assertThat(post("/v3/mail/send", "Bearer wrong", VALID).statusCode()).isEqualTo(401);
    assertThat(post("/v3/mail/send", null, VALID).statusCode()).isEqualTo(401);
    assertThat(fake.accepted()).isEmpty();
  }

  @Test
  void unknownPathIs404() throws Exception {
    assertThat(post("/v3/mail/batch", "Bearer " + fake.apiKey(), "{}").statusCode()).isEqualTo(404);
  }

  @Test
  void checksTheMailSendRules() throws Exception {
    assertRejected(VALID.replace("\"personalizations\":[{\"to\":[{\"email\":\"ada@example.com\"}]}]",
        "\"personalizations\":[]"), "personalizations");
    assertRejected(VALID.replace(",\"from\":{\"email\":\"hello@example.com\",\"name\":\"Example\"}", ""),
        "from.email");
    assertRejected(VALID.replace("\"to\":[{\"email\":\"ada@example.com\"}]",
        recipients(600, "to") + "," + recipients(401, "bcc").replace("user", "other")),
        "personalizations");
    assertRejected(VALID.replace("\"to\":[{\"email\":\"ada@example.com\"}]",
        "\"to\":[{\"email\":\"ada@example.com\"}],\"cc\":[{\"email\":\"ADA@example.com\"}]"),
        "personalizations.0.cc.0.email");
    assertRejected(VALID.replace(",\"content\":[{\"type\":\"text/plain\",\"value\":\"Hello\"}]", ""),
        "content");
    assertRejected(VALID.replace("\"subject\":\"Hi\",", "\"categories\":"
        + "[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"],\"subject\":\"Hi\","),
        "categories");
    assertRejected(VALID.replace("\"name\":\"Example\"", "\"name\":\"Example, Inc\""), "from.name");
    assertRejected(VALID.replace("\"subject\":\"Hi\",", "\"custom_args\":{\"blob\":\""
        + "x".repeat(10_000) + "\"},\"subject\":\"Hi\","), "personalizations.0.custom_args");
    assertRejected(VALID.replace("\"subject\":\"Hi\",", ""), "subject");
    assertThat(fake.accepted()).isEmpty();
    assertThat(fake.rejections()).hasSize(9);
  }

  @Test
  void aTemplateReplacesContentAndSubject() throws Exception {
    String body = VALID.replace("\"subject\":\"Hi\",", "\"template_id\":\"d-1\",")
        .replace(",\"content\":[{\"type\":\"text/plain\",\"value\":\"Hello\"}]", "");
    assertThat(post(body).statusCode()).isEqualTo(202);
  }

  @Test
  void bodiesOf30MillionBytesOrMoreAre413() throws Exception {
    String under = VALID.replace("\"Hello\"", "\"" + "x".repeat(30_000_000 - VALID.length() + 4) + "\"");
    assertThat(under.length()).isEqualTo(29_999_999);
    assertThat(post(under).statusCode()).isEqualTo(202);
    assertThat(post(under.replace("\"x", "\"xx")).statusCode()).isEqualTo(413);
  }

  @Test
  void checksTheFieldsBeyondTheBasics() throws Exception {
    assertRejected(VALID.replace("ada@example.com", "a..b@example.com"),
        "personalizations.0.to.0.email");
    assertRejected(VALID.replace("ada@example.com", "ada@-example.com"),
        "personalizations.0.to.0.email");
    assertRejected(VALID.replace("\"subject\":\"Hi\",", "\"reply_to\":{\"email\":\"r@example.com\"},"
        + "\"reply_to_list\":[{\"email\":\"s@example.com\"}],\"subject\":\"Hi\","), "reply_to_list");
    assertRejected(VALID.replace("\"subject\":\"Hi\",", "\"send_at\":"
        + (Instant.now().getEpochSecond() + 73 * 3600) + ",\"subject\":\"Hi\","), "send_at");
    assertRejected(VALID.replace("\"subject\":\"Hi\",", "\"asm\":{},\"subject\":\"Hi\","),
        "asm.group_id");
    assertRejected(VALID.replace("\"subject\":\"Hi\",", "\"ip_pool_name\":\"p\",\"subject\":\"Hi\","),
        "ip_pool_name");
    assertRejected(VALID.replace("\"subject\":\"Hi\",", "\"mail_settings\":{\"bypass_list_management\":"
        + "{\"enable\":true},\"bypass_spam_management\":{\"enable\":true}},\"subject\":\"Hi\","),
        "mail_settings.bypass_list_management");
    assertRejected(VALID.replace("[{\"type\":\"text/plain\",\"value\":\"Hello\"}]",
        "[{\"type\":\"text/html\",\"value\":\"<p>Hello\"},{\"type\":\"text/x-amp-html\",\"value\":\"a\"}]"),
        "content.1");
    assertRejected(VALID.replace("\"subject\":\"Hi\",", "\"attachments\":[{\"content\":\"\","
        + "\"filename\":\"a.txt\"}],\"subject\":\"Hi\","), "attachments.0");
    String amp = VALID.replace("[{\"type\":\"text/plain\",\"value\":\"Hello\"}]",
        "[{\"type\":\"text/plain\",\"value\":\"Hello\"},{\"type\":\"text/x-amp-html\",\"value\":\"a\"},"
            + "{\"type\":\"text/html\",\"value\":\"<p>Hello\"},{\"type\":\"text/calendar\",\"value\":\"c\"}]")
        .replace("ada@example.com", "ada+tag@b\u00fccher.example");
    assertThat(post(amp).statusCode()).isEqualTo(202);
  }

  @Test
  void scriptedAnswersAreUsedInOrderThenValidationResumes() throws Exception {
    Instant reset = Instant.parse("2030-01-01T00:00:00Z");
    fake.enqueue(Answer.rateLimited(reset)).enqueue(Answer.serverError(503));
    HttpResponse<String> limited = post(VALID);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("X-RateLimit-Reset"))
        .contains(String.valueOf(reset.getEpochSecond()));
    assertThat(post(VALID).statusCode()).isEqualTo(503);
    assertThat(post(VALID).statusCode()).isEqualTo(202);
    assertThat(fake.requestCount()).isEqualTo(3);
    assertThat(fake.accepted()).hasSize(1);
  }

  @Test
  void noAnswerClosesTheConnectionAfterReadingTheRequest() {
    fake.enqueue(Answer.noAnswer());
    assertThatThrownBy(() -> post(VALID)).isInstanceOf(IOException.class);
    assertThat(fake.requestCount()).isEqualTo(1);
  }

  @Test
  void extraChecksRejectWithTheirProblems() throws Exception {
    try (FakeSendGrid strict = FakeSendGrid.builder()
        .extraCheck(body -> body.contains("Hello") ? java.util.List.of("no greetings") : java.util.List.of())
        .start()) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(
              URI.create(strict.endpoint() + "/v3/mail/send"))
          .header("Authorization", "Bearer " + strict.apiKey())
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(VALID)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body()).contains("no greetings");
    }
  }

  private void assertRejected(String body, String field) throws Exception {
    HttpResponse<String> response = post(body);
    assertThat(response.statusCode()).as(field).isEqualTo(400);
    assertThat(response.body()).contains("\"field\":\"" + field + "\"");
  }
}
