package io.herokusdk.mail;

import io.herokusdk.core.Sleeper;

import static io.herokusdk.mail.TestSupport.mailerFor;
import static io.herokusdk.mail.TestSupport.welcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.herokusdk.core.Secret;
import io.herokusdk.mail.TestSupport.RecordingSleeper;
import io.herokusdk.testing.sendgrid.FakeSendGrid;
import io.herokusdk.testing.sendgrid.FakeSendGrid.Answer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SendGridMailerTest {
  private FakeSendGrid fake;
  private final RecordingSleeper sleeper = new RecordingSleeper();

  @BeforeEach
  void startFake() {
    fake = TestSupport.fakeSendGrid().start();
  }

  @AfterEach
  void stopFake() {
    fake.close();
  }

  @Test
  void sendsAnEmailAndReturnsTheMessageId() {
    try (SendGridMailer mailer = mailerFor(fake, sleeper).build()) {
      SendResult result = mailer.send(welcome().build());
      assertThat(result.statusCode()).isEqualTo(202);
      assertThat(result.provider()).isEqualTo("sendgrid");
      assertThat(result.attempts()).isEqualTo(1);
      FakeSendGrid.ReceivedMail received = fake.accepted().get(0);
      assertThat(result.messageId()).isNotBlank().isEqualTo(received.messageId());
      assertThat(received.recipients()).containsExactly("ada@example.com");
      assertThat(received.subject()).isEqualTo("Welcome!");
      assertThat(received.from()).isEqualTo("hello@example.com");
    }
  }

  @Test
  void sendsEveryFieldInSendGridsShape() {
    Instant sendAt = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    Email email = welcome().cc("bob@example.com").bcc("eve@example.com")
        .replyTo(Address.of("support@example.com", "Support"))
        .html("<p>Thanks <img src=\"cid:logo\"></p>")
        .attach(Attachment.of("terms.txt", "text/plain", "terms".getBytes()))
        .attach(Attachment.inline("logo", "logo.png", "image/png", new byte[] {1, 2, 3}))
        .templateId("d-0123456789abcdef").templateData("name", "Ada")
        .templateData("items", List.of(Map.of("sku", "A1", "qty", 2)))
        .category("welcome").category("onboarding").customArg("user_id", "42")
        .header("List-Unsubscribe", "<mailto:unsub@example.com>")
        .sendAt(sendAt).build();
    try (SendGridMailer mailer = mailerFor(fake, sleeper).build()) {
      mailer.send(email);
    }
    assertThat(fake.rejections()).isEmpty();
    Map<String, Object> json = fake.accepted().get(0).json();
    Map<?, ?> personalization = (Map<?, ?>) ((List<?>) json.get("personalizations")).get(0);
    assertThat(fake.accepted().get(0).recipients())
        .containsExactly("ada@example.com", "bob@example.com", "eve@example.com");
    assertThat(personalization.get("custom_args")).isEqualTo(Map.of("user_id", "42"));
    assertThat(json).doesNotContainKey("custom_args");
    assertThat(personalization.get("dynamic_template_data")).isEqualTo(Map.of("name", "Ada",
        "items", List.of(Map.of("sku", "A1", "qty", 2.0))));
    List<Object> types = ((List<?>) json.get("content")).stream()
        .map(c -> (Object) ((Map<?, ?>) c).get("type")).toList();
    assertThat(types).containsExactly("text/plain", "text/html");
    List<?> attachments = (List<?>) json.get("attachments");
    assertThat(attachments).hasSize(2);
    Map<?, ?> inline = (Map<?, ?>) attachments.get(1);
    assertThat(inline.get("disposition")).isEqualTo("inline");
    assertThat(inline.get("content_id")).isEqualTo("logo");
    assertThat(inline.get("content")).isEqualTo("AQID");
    assertThat(json).containsEntry("template_id", "d-0123456789abcdef")
        .containsEntry("categories", List.of("welcome", "onboarding"))
        .containsEntry("send_at", (double) sendAt.getEpochSecond())
        .containsEntry("reply_to", Map.of("email", "support@example.com", "name", "Support"));
  }

  @Test
  void badRequestBecomesATypedExceptionWithSendGridsErrors() {
    fake.enqueue(Answer.status(400,
        new FakeSendGrid.Error("from.email", "The from email does not contain a valid address.")));
    try (SendGridMailer mailer = mailerFor(fake, sleeper).build()) {
      MailRejectedException e = catchThrowableOfType(MailRejectedException.class,
          () -> mailer.send(welcome().build()));
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.errors()).containsExactly(new ProviderError(
          "The from email does not contain a valid address.", "from.email", null));
      assertThat(e.getMessage()).contains("from.email", "400");
      assertThat(e.mayHaveBeenSent()).isFalse();
    }
    assertThat(fake.requestCount()).isEqualTo(1);
  }

  @Test
  void wrongApiKeyIsAnAuthenticationErrorNamingTheConfigVar() {
    try (SendGridMailer mailer = mailerFor(fake, sleeper).apiKey(Secret.of("SG.wrong-key")).build()) {
      assertThatThrownBy(() -> mailer.send(welcome().build()))
          .isInstanceOf(MailAuthenticationException.class)
          .hasMessageContaining("SENDGRID_API_KEY").hasMessageContaining("401");
    }
    assertThat(fake.requestCount()).isEqualTo(1);
  }

  @Test
  void forbiddenAndTooLargeAreRejectedWithoutRetry() {
    fake.enqueue(Answer.status(403, new FakeSendGrid.Error("from", "not a verified Sender Identity")));
    fake.enqueue(Answer.status(413, new FakeSendGrid.Error(null, "payload too large")));
    try (SendGridMailer mailer = mailerFor(fake, sleeper).build()) {
      assertThatThrownBy(() -> mailer.send(welcome().build()))
          .isInstanceOfSatisfying(MailRejectedException.class,
              e -> assertThat(e.statusCode()).isEqualTo(403))
          .hasMessageContaining("verified sender");
      assertThatThrownBy(() -> mailer.send(welcome().build()))
          .isInstanceOfSatisfying(MailRejectedException.class,
              e -> assertThat(e.statusCode()).isEqualTo(413));
    }
    assertThat(fake.requestCount()).isEqualTo(2);
  }

  @Test
  void rateLimitWaitsUntilTheResetTimeThenRetries() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    fake.enqueue(Answer.rateLimited(now.plusSeconds(7)));
    try (SendGridMailer mailer = mailerFor(fake, sleeper)
        .clock(Clock.fixed(now, ZoneOffset.UTC)).build()) {
      SendResult result = mailer.send(welcome().build());
      assertThat(result.attempts()).isEqualTo(2);
    }
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
    assertThat(fake.requestCount()).isEqualTo(2);
    assertThat(fake.accepted()).hasSize(1);
  }

  @Test
  void rateLimitResettingBeyondTheBoundFailsAtOnceWithTheResetTime() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    fake.enqueue(Answer.rateLimited(now.plusSeconds(3600)));
    try (SendGridMailer mailer = mailerFor(fake, sleeper)
        .clock(Clock.fixed(now, ZoneOffset.UTC)).build()) {
      MailRateLimitedException e = catchThrowableOfType(MailRateLimitedException.class,
          () -> mailer.send(welcome().build()));
      assertThat(e.retryAt()).contains(now.plusSeconds(3600));
      assertThat(e.getMessage()).contains("maxRateLimitWait");
    }
    assertThat(sleeper.waits).isEmpty();
    assertThat(fake.requestCount()).isEqualTo(1);
  }

  @Test
  void connectFailureIsRetriedBecauseNothingWasSent() {
    int port = TestSupport.closedPort();
    FakeSendGrid[] late = new FakeSendGrid[1];
    sleeper.onFirstWait(() -> late[0] = TestSupport.fakeSendGrid().port(port).start());
    try (SendGridMailer mailer = SendGridMailer.builder()
        .apiKey(Secret.of(FakeSendGrid.DEFAULT_API_KEY))
        .endpoint(URI.create("http://127.0.0.1:" + port))
        .sleeper(sleeper).build()) {
      SendResult result = mailer.send(welcome().build());
      assertThat(result.attempts()).isEqualTo(2);
      assertThat(late[0].accepted()).hasSize(1);
      assertThat(late[0].requestCount()).isEqualTo(1);
    } finally {
      if (late[0] != null) late[0].close();
    }
    assertThat(sleeper.waits).hasSize(1);
  }

  @Test
  void connectFailureOnEveryAttemptIsMailNotSent() {
    int port = TestSupport.closedPort();
    try (SendGridMailer mailer = SendGridMailer.builder()
        .apiKey(Secret.of("SG.key"))
        .endpoint(URI.create("http://127.0.0.1:" + port))
        .retryPolicy(MailRetryPolicy.builder().maxAttempts(3).build())
        .sleeper(sleeper).build()) {
      MailNotSentException e = catchThrowableOfType(MailNotSentException.class,
          () -> mailer.send(welcome().build()));
      assertThat(e.getMessage()).contains("could not connect", "3 attempts", "safe to try again");
      assertThat(e.mayHaveBeenSent()).isFalse();
    }
    assertThat(sleeper.waits).hasSize(2);
  }

  @Test
  void serverErrorAfterSendIsDeliveryUnknownAndIsNotRetried() {
    fake.enqueue(Answer.serverError(500));
    try (SendGridMailer mailer = mailerFor(fake, sleeper).build()) {
      DeliveryUnknownException e = catchThrowableOfType(DeliveryUnknownException.class,
          () -> mailer.send(welcome().build()));
      assertThat(e.statusCode()).hasValue(500);
      assertThat(e.mayHaveBeenSent()).isTrue();
      assertThat(e.getMessage()).contains("may or may not have been accepted");
    }
    assertThat(fake.requestCount()).isEqualTo(1);
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void connectionDroppedAfterTheRequestWasWrittenIsDeliveryUnknown() {
    fake.enqueue(Answer.noAnswer());
    try (SendGridMailer mailer = mailerFor(fake, sleeper).build()) {
      DeliveryUnknownException e = catchThrowableOfType(DeliveryUnknownException.class,
          () -> mailer.send(welcome().build()));
      assertThat(e.statusCode()).isEmpty();
    }
    assertThat(fake.requestCount()).isEqualTo(1);
  }

  @Test
  void readTimeoutAfterSendIsDeliveryUnknown() {
    fake.enqueue(Answer.slow(Duration.ofSeconds(3)));
    try (SendGridMailer mailer = mailerFor(fake, sleeper)
        .readTimeout(Duration.ofMillis(300)).build()) {
      assertThatThrownBy(() -> mailer.send(welcome().build()))
          .isInstanceOf(DeliveryUnknownException.class)
          .hasMessageContaining("SocketTimeoutException");
    }
    assertThat(fake.requestCount()).isEqualTo(1);
  }

  @Test
  void atLeastOncePolicyRetriesAfterA5xx() {
    fake.enqueue(Answer.serverError(503));
    try (SendGridMailer mailer = mailerFor(fake, sleeper)
        .retryPolicy(MailRetryPolicy.atLeastOnce()).build()) {
      assertThat(mailer.send(welcome().build()).attempts()).isEqualTo(2);
    }
    assertThat(fake.requestCount()).isEqualTo(2);
    assertThat(fake.accepted()).hasSize(1);
  }

  @Test
  void sandboxModeIsValidatedAndAnswered200() {
    try (SendGridMailer mailer = mailerFor(fake, sleeper).sandboxMode(true).build()) {
      SendResult result = mailer.send(welcome().build());
      assertThat(result.statusCode()).isEqualTo(200);
      assertThat(result.sandbox()).isTrue();
    }
    assertThat(fake.accepted()).singleElement().satisfies(m -> {
      assertThat(m.sandbox()).isTrue();
      assertThat(m.json().get("mail_settings"))
          .isEqualTo(Map.of("sandbox_mode", Map.of("enable", true)));
    });
  }

  @Test
  void invalidEmailIsRejectedBeforeAnyRequest() {
    try (SendGridMailer mailer = mailerFor(fake, sleeper).build()) {
      Email noRecipients = Email.builder().from("a@example.com").subject("s").text("t").build();
      assertThatThrownBy(() -> mailer.send(noRecipients))
          .isInstanceOfSatisfying(InvalidEmailException.class,
              e -> assertThat(e.field()).isEqualTo("to"));
    }
    assertThat(fake.requestCount()).isZero();
  }

  @Test
  void sendsThroughAnHttpProxy() {
    // The fake answers absolute-form proxy requests itself; the endpoint host never resolves.
    try (SendGridMailer mailer = SendGridMailer.builder()
        .apiKey(Secret.of(fake.apiKey()))
        .endpoint(URI.create("http://sendgrid.invalid"))
        .proxy("127.0.0.1", fake.port())
        .sleeper(sleeper).build()) {
      assertThat(mailer.send(welcome().build()).statusCode()).isEqualTo(202);
    }
    assertThat(fake.accepted()).hasSize(1);
  }

  @Test
  void euRegionUsesTheEuHost() {
    assertThat(SendGridMailer.Region.EU.url().getHost()).isEqualTo("api.eu.sendgrid.com");
    try (SendGridMailer mailer = SendGridMailer.builder().apiKey(Secret.of("SG.k"))
        .region(SendGridMailer.Region.EU).build()) {
      assertThat(mailer.toString()).contains("EU");
    }
  }

  @Test
  void closeLeavesNoThreadsBehindAndRefusesFurtherSends() {
    Set<String> before = threadNames();
    SendGridMailer mailer = mailerFor(fake, sleeper).build();
    for (int i = 0; i < 3; i++) mailer.send(welcome().build());
    mailer.close();
    Set<String> after = threadNames();
    after.removeAll(before);
    // MockWebServer's own threads belong to the fake, not the mailer.
    after.removeIf(name -> name.startsWith("MockWebServer") || name.contains("OkHttp"));
    assertThat(after).isEmpty();
    assertThatThrownBy(() -> mailer.send(welcome().build()))
        .isInstanceOf(IllegalStateException.class);
  }

  private static Set<String> threadNames() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
        .map(Thread::getName).collect(Collectors.toSet());
  }
}
