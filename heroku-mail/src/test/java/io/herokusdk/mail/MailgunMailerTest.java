package io.herokusdk.mail;

import io.herokusdk.core.Sleeper;

import static io.herokusdk.mail.TestSupport.welcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.herokusdk.core.Secret;
import io.herokusdk.mail.TestSupport.RecordingSleeper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailgunMailerTest {
  private static final String KEY = "key-0123456789abcdef";
  private final MockWebServer server = new MockWebServer();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private MailgunMailer mailer;

  @BeforeEach
  void start() throws IOException {
    server.start();
    mailer = MailgunMailer.builder().apiKey(Secret.of(KEY)).domain("mg.example.com")
        .endpoint(server.url("/").toString()).sleeper(sleeper).build();
  }

  @AfterEach
  void stop() {
    mailer.close();
    server.close();
  }

  private static MockResponse ok() {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"id\":\"<20260101.1@mg.example.com>\",\"message\":\"Queued. Thank you.\"}")
        .build();
  }

  @Test
  void postsAMultipartFormWithBasicAuthToTheDomainsMessagesEndpoint() throws Exception {
    server.enqueue(ok());
    SendResult result = mailer.send(welcome().cc("bob@example.com").html("<p>Hi</p>")
        .category("welcome").customArg("user_id", "42").replyTo("support@example.com")
        .attach(Attachment.of("a.txt", "text/plain", "attached".getBytes(StandardCharsets.UTF_8)))
        .attach(Attachment.inline("logo", "logo.png", "image/png", "png".getBytes(StandardCharsets.UTF_8)))
        .build());
    assertThat(result.messageId()).isEqualTo("<20260101.1@mg.example.com>");
    assertThat(result.statusCode()).isEqualTo(200);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v3/mg.example.com/messages");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Basic "
        + Base64.getEncoder().encodeToString(("api:" + KEY).getBytes(StandardCharsets.UTF_8)));
    assertThat(request.getHeaders().get("Content-Type")).startsWith("multipart/form-data");
    Map<String, List<String>> form = TestSupport.form(request);
    assertThat(form.get("from")).containsExactly("\"Example App\" <hello@example.com>");
    assertThat(form.get("to")).containsExactly("\"Ada Lovelace\" <ada@example.com>");
    assertThat(form.get("cc")).containsExactly("bob@example.com");
    assertThat(form.get("subject")).containsExactly("Welcome!");
    assertThat(form.get("text")).containsExactly("Thanks for signing up.");
    assertThat(form.get("html")).containsExactly("<p>Hi</p>");
    assertThat(form.get("o:tag")).containsExactly("welcome");
    assertThat(form.get("v:user_id")).containsExactly("42");
    assertThat(form.get("h:Reply-To")).containsExactly("support@example.com");
    assertThat(form.get("attachment")).containsExactly("a.txt:attached");
    assertThat(form.get("inline")).containsExactly("logo:png");
  }

  @Test
  void euRegionAndTestMode() throws Exception {
    assertThat(MailgunMailer.Region.EU.url()).isEqualTo("https://api.eu.mailgun.net");
    server.enqueue(ok());
    try (MailgunMailer test = mailer.toBuilder().testMode(true).build()) {
      assertThat(test.send(welcome().build()).sandbox()).isTrue();
    }
    assertThat(TestSupport.form(server.takeRequest()).get("o:testmode")).containsExactly("yes");
  }

  @Test
  void bulkUsesRecipientVariablesInChunksOf1000() throws Exception {
    for (int i = 0; i < 3; i++) server.enqueue(ok());
    BulkResult result = mailer.sendBulk(
        Email.builder().from("news@example.com").subject("Hi %recipient.first%").text("t").build(),
        BulkSendTest.recipients(2100));
    assertThat(result.allSent()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(3);
    Map<String, List<String>> first = TestSupport.form(server.takeRequest());
    assertThat(first.get("to")).hasSize(1000);
    assertThat(first.get("recipient-variables").get(0)).contains("\"user0@example.com\":{");
  }

  @Test
  void errorsBecomeTypedExceptions() {
    server.enqueue(new MockResponse.Builder().code(401).body("Forbidden").build());
    server.enqueue(new MockResponse.Builder().code(400)
        .body("{\"message\":\"'to' parameter is not a valid address. please check documentation\"}")
        .build());
    assertThatThrownBy(() -> mailer.send(welcome().build()))
        .isInstanceOf(MailAuthenticationException.class).hasMessageContaining("MAILGUN_API_KEY");
    MailRejectedException e = catchThrowableOfType(MailRejectedException.class,
        () -> mailer.send(welcome().build()));
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.errors()).extracting(ProviderError::message)
        .containsExactly("'to' parameter is not a valid address. please check documentation");
  }

  @Test
  void serverErrorIsDeliveryUnknownWithExactlyOneRequest() {
    server.enqueue(new MockResponse.Builder().code(500).body("oops").build());
    server.enqueue(ok());
    assertThatThrownBy(() -> mailer.send(welcome().build()))
        .isInstanceOf(DeliveryUnknownException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void rateLimitHonoursRetryAfter() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").build());
    server.enqueue(ok());
    assertThat(mailer.send(welcome().build()).attempts()).isEqualTo(2);
    assertThat(sleeper.waits).hasSize(1);
    assertThat(sleeper.waits.get(0)).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(2));
  }

  @Test
  void connectFailureIsRetriedThenMailNotSent() {
    int port = TestSupport.closedPort();
    try (MailgunMailer down = mailer.toBuilder().endpoint("http://127.0.0.1:" + port)
        .retryPolicy(MailRetryPolicy.builder().maxAttempts(2).build()).build()) {
      assertThatThrownBy(() -> down.send(welcome().build()))
          .isInstanceOf(MailNotSentException.class).hasMessageContaining("could not connect");
    }
    assertThat(sleeper.waits).hasSize(1);
  }
}
