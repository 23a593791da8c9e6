package io.herokusdk.mail;

import static io.herokusdk.mail.TestSupport.welcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.herokusdk.core.Secret;
import io.herokusdk.mail.internal.SendGridBody;
import io.herokusdk.testing.sendgrid.FakeSendGrid;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.MultipartReader;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * Every field of /v3/mail/send the builder can express reaches SendGrid in its shape, valid
 * against the OpenAPI file and accepted by the fake; Mailgun gets the equivalents it has and
 * refuses the rest before any request.
 */
class FullRequestTest {
  private static final Instant SEND_AT =
      Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

  static Email everyField() {
    return welcome().cc("bob@example.com").bcc("eve@example.com")
        .replyToList(List.of(Address.of("support@example.com", "Support"),
            Address.of("sales@example.com")))
        .html("<p>Hi</p>")
        .content("text/calendar; method=REQUEST", "BEGIN:VCALENDAR\r\nEND:VCALENDAR")
        .content(ContentPart.AMP, "<!doctype html><html \u26a14email></html>")
        .attach(Attachment.of("a.txt", "text/plain", "a".getBytes()))
        .category("welcome").customArg("user_id", "42").header("X-Campaign", "7")
        .sendAt(SEND_AT).batchId("HkJ5yLYULb7Rj8GKSx7u025ouWVlMgAi")
        .asm(Asm.of(42, 42, 43)).ipPoolName("transactional")
        .trackingSettings(TrackingSettings.builder()
            .clickTracking(new TrackingSettings.ClickTracking(true, false))
            .openTracking(new TrackingSettings.OpenTracking(true, "%open%"))
            .subscriptionTracking(new TrackingSettings.SubscriptionTracking(true,
                "Unsubscribe: <% here %>", "<% Unsubscribe %>", null))
            .googleAnalytics(new TrackingSettings.GoogleAnalytics(true, "newsletter", "email",
                "t", "c", "spring"))
            .build())
        .mailSettings(MailSettings.builder().bypassSpamManagement(true)
            .bypassBounceManagement(true).bypassUnsubscribeManagement(false)
            .footer(new MailSettings.Footer(true, "-- Example", "<p>Example</p>"))
            .sandboxMode(false).build())
        .build();
  }

  static List<BulkRecipient> personalRecipients() {
    return List.of(
        BulkRecipient.builder(Address.of("r1@example.com", "R One")).subject("Hi One")
            .header("X-Recipient", "1").sendAt(SEND_AT).templateData("n", 1)
            .customArg("k", "v1").build(),
        BulkRecipient.of(Address.of("r2@example.com")));
  }

  @Test
  void everyFieldIsValidAgainstTheOpenApiFile() {
    OpenApiBodyValidator validator = OpenApiBodyValidator.load().orElse(null);
    assumeTrue(validator != null, OpenApiBodyValidator.RELATIVE_PATH + " is not present");
    assertThat(validator.validate(SendGridBody.single(everyField(), true))).isEmpty();
    Email content = everyField().toBuilder().clearRecipients().build();
    assertThat(validator.validate(SendGridBody.bulk(content, personalRecipients(), false)))
        .isEmpty();
  }

  @Test
  void everyFieldReachesSendGridInItsShape() {
    try (FakeSendGrid fake = TestSupport.fakeSendGrid().start();
        SendGridMailer mailer = SendGridMailer.builder().apiKey(Secret.of(fake.apiKey()))
            .endpoint(fake.endpoint()).build()) {
      mailer.send(everyField());
      assertThat(fake.rejections()).isEmpty();
      Map<String, Object> json = fake.accepted().get(0).json();
      assertThat(json.get("reply_to_list")).isEqualTo(List.of(
          Map.of("email", "support@example.com", "name", "Support"),
          Map.of("email", "sales@example.com")));
      assertThat(json).doesNotContainKey("reply_to");
      assertThat(((List<?>) json.get("content")).stream()
          .map(c -> (Object) ((Map<?, ?>) c).get("type")).toList()).containsExactly(
          "text/plain", "text/x-amp-html", "text/html", "text/calendar; method=REQUEST");
      assertThat(json.get("asm")).isEqualTo(Map.of("group_id", 42.0,
          "groups_to_display", List.of(42.0, 43.0)));
      assertThat(json).containsEntry("batch_id", "HkJ5yLYULb7Rj8GKSx7u025ouWVlMgAi")
          .containsEntry("ip_pool_name", "transactional")
          .containsEntry("send_at", (double) SEND_AT.getEpochSecond());
      assertThat(json.get("mail_settings")).isEqualTo(Map.of(
          "bypass_spam_management", Map.of("enable", true),
          "bypass_bounce_management", Map.of("enable", true),
          "bypass_unsubscribe_management", Map.of("enable", false),
          "footer", Map.of("enable", true, "text", "-- Example", "html", "<p>Example</p>"),
          "sandbox_mode", Map.of("enable", false)));
      Map<?, ?> tracking = (Map<?, ?>) json.get("tracking_settings");
      assertThat(tracking.get("click_tracking"))
          .isEqualTo(Map.of("enable", true, "enable_text", false));
      assertThat(tracking.get("open_tracking"))
          .isEqualTo(Map.of("enable", true, "substitution_tag", "%open%"));
      assertThat(tracking.keySet().stream().map(String::valueOf).toList()).containsExactly(
          "click_tracking", "open_tracking", "subscription_tracking", "ganalytics");
    }
  }

  @Test
  void bulkCarriesPerRecipientSubjectHeadersAndSendTime() {
    Email content = everyField().toBuilder().clearRecipients().build();
    try (FakeSendGrid fake = TestSupport.fakeSendGrid().start();
        SendGridMailer mailer = SendGridMailer.builder().apiKey(Secret.of(fake.apiKey()))
            .endpoint(fake.endpoint()).build()) {
      assertThat(mailer.sendBulk(content, personalRecipients()).allSent()).isTrue();
      List<?> personalizations = (List<?>) fake.accepted().get(0).json().get("personalizations");
      Map<?, ?> first = (Map<?, ?>) personalizations.get(0);
      assertThat(first.get("subject")).isEqualTo("Hi One");
      assertThat(first.get("headers")).isEqualTo(Map.of("X-Recipient", "1"));
      assertThat(first.get("send_at")).isEqualTo((double) SEND_AT.getEpochSecond());
      assertThat(first.get("custom_args")).isEqualTo(Map.of("user_id", "42", "k", "v1"));
      assertThat(((Map<?, ?>) personalizations.get(1)).keySet().stream().map(String::valueOf)
          .toList()).doesNotContain("subject",
          "headers", "send_at");
    }
  }

  @Test
  void anEmailsOwnSandboxSettingIsAnsweredAsSandbox() {
    try (FakeSendGrid fake = TestSupport.fakeSendGrid().start();
        SendGridMailer mailer = SendGridMailer.builder().apiKey(Secret.of(fake.apiKey()))
            .endpoint(fake.endpoint()).build()) {
      SendResult result = mailer.send(welcome()
          .mailSettings(MailSettings.builder().sandboxMode(true).build()).build());
      assertThat(result.sandbox()).isTrue();
      assertThat(result.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void mailgunGetsTheEquivalentsItHas() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().code(200).body("{\"id\":\"<1@mg>\"}").build());
      try (MailgunMailer mailer = mailgun(server)) {
        SendResult result = mailer.send(welcome().html("<p>Hi</p>")
            .replyToList(List.of(Address.of("support@example.com", "Support"),
                Address.of("sales@example.com")))
            .content(ContentPart.AMP, "<html amp4email></html>")
            .trackingSettings(TrackingSettings.builder()
                .clickTracking(new TrackingSettings.ClickTracking(true, false))
                .openTracking(new TrackingSettings.OpenTracking(false, null)).build())
            .mailSettings(MailSettings.builder().sandboxMode(true).build())
            .category("welcome").header("X-Campaign", "7").sendAt(SEND_AT).build());
        assertThat(result.sandbox()).isTrue();
      }
      Map<String, List<String>> form = form(server.takeRequest().getBody());
      assertThat(form.get("h:Reply-To"))
          .containsExactly("\"Support\" <support@example.com>, sales@example.com");
      assertThat(form.get("amp-html")).containsExactly("<html amp4email></html>");
      assertThat(form.get("o:tracking-clicks")).containsExactly("htmlonly");
      assertThat(form.get("o:tracking-opens")).containsExactly("no");
      assertThat(form.get("o:testmode")).containsExactly("yes");
      assertThat(form.get("o:tag")).containsExactly("welcome");
      assertThat(form.get("h:X-Campaign")).containsExactly("7");
      assertThat(form.get("o:deliverytime")).hasSize(1);
    }
  }

  @Test
  void mailgunRefusesWhatItHasNoEquivalentForBeforeAnyRequest() throws IOException {
    Map<String, UnaryOperator<Email.Builder>> unsupported = Map.of(
        "asm", b -> b.asm(Asm.of(1)),
        "batchId", b -> b.batchId("b1"),
        "ipPoolName", b -> b.ipPoolName("pool"),
        "contents[0].type", b -> b.content("text/calendar", "x"),
        "trackingSettings.openTracking.substitutionTag", b -> b.trackingSettings(
            TrackingSettings.builder().openTracking(
                new TrackingSettings.OpenTracking(true, "%o%")).build()),
        "trackingSettings.subscriptionTracking", b -> b.trackingSettings(TrackingSettings
            .builder().subscriptionTracking(
                new TrackingSettings.SubscriptionTracking(true, null, null, null)).build()),
        "trackingSettings.googleAnalytics", b -> b.trackingSettings(TrackingSettings.builder()
            .googleAnalytics(new TrackingSettings.GoogleAnalytics(true, "s", null, null, null,
                null)).build()),
        "mailSettings.bypass", b -> b.mailSettings(
            MailSettings.builder().bypassBounceManagement(true).build()),
        "mailSettings.footer", b -> b.mailSettings(MailSettings.builder()
            .footer(new MailSettings.Footer(true, "f", null)).build()));
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      try (MailgunMailer mailer = mailgun(server)) {
        unsupported.forEach((field, change) ->
            assertThatThrownBy(() -> mailer.send(change.apply(welcome().html("<p>x</p>")).build()))
                .as(field)
                .isInstanceOfSatisfying(InvalidEmailException.class,
                    e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining("no Mailgun equivalent"));
        Email content = Email.builder().from("a@example.com").subject("s").text("t").build();
        assertThatThrownBy(() -> mailer.sendBulk(content, personalRecipients()))
            .isInstanceOfSatisfying(InvalidEmailException.class,
                e -> assertThat(e.field()).isEqualTo("recipients[0].subject"));
      }
      assertThat(server.getRequestCount()).isZero();
    }
  }

  private static MailgunMailer mailgun(MockWebServer server) {
    return MailgunMailer.builder().apiKey(Secret.of("key-0123456789")).domain("mg.example.com")
        .endpoint(server.url("/").toString()).build();
  }

  private static Map<String, List<String>> form(okio.ByteString body) throws IOException {
    Map<String, List<String>> fields = new java.util.LinkedHashMap<>();
    String text = body.utf8();
    String boundary = text.substring(2, text.indexOf("\r\n"));
    try (MultipartReader reader = new MultipartReader(new Buffer().write(body), boundary)) {
      MultipartReader.Part part;
      while ((part = reader.nextPart()) != null) {
        String name = part.headers().get("Content-Disposition")
            .replaceAll("^form-data; name=\"([^\"]*)\".*", "$1");
        fields.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(part.body().readUtf8());
      }
    }
    return fields;
  }
}
