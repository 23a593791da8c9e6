package io.herokusdk.mail;

import static io.herokusdk.mail.TestSupport.welcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.testing.LogCapture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DevTransportsTest {
  @Test
  void consolePrintsTheEmailReadably() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Mailer mailer = ConsoleMailer.to(new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
      SendResult result = mailer.send(welcome().html("<b>hi</b>").build());
      assertThat(result.provider()).isEqualTo("console");
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("From:       \"Example App\" <hello@example.com>")
        .contains("To:         \"Ada Lovelace\" <ada@example.com>")
        .contains("Subject:    Welcome!")
        .contains("Thanks for signing up.")
        .contains("<b>hi</b>");
  }

  @Test
  void consoleLogsWhenNoStreamIsGiven() {
    try (LogCapture logs = LogCapture.start(); Mailer mailer = ConsoleMailer.toLog()) {
      mailer.send(welcome().build());
      assertThat(logs.text()).contains("console transport").contains("Subject:    Welcome!");
    }
  }

  @Test
  void outboxRecordsEmailsAndValidatesLikeTheRealTransports() {
    InMemoryOutbox outbox = new InMemoryOutbox();
    outbox.send(welcome().build());
    outbox.send(welcome().clearRecipients().to("bob@example.com").subject("Hi Bob").build());
    assertThat(outbox.sent()).hasSize(2);
    assertThat(outbox.sentTo("ADA@example.com")).singleElement()
        .satisfies(e -> assertThat(e.subject()).contains("Welcome!"));
    assertThat(outbox.last()).hasValueSatisfying(e -> assertThat(e.subject()).contains("Hi Bob"));
    Email noTo = Email.builder().from("a@example.com").subject("s").text("t").build();
    assertThatThrownBy(() -> outbox.send(noTo)).isInstanceOf(InvalidEmailException.class);
    outbox.clear();
    assertThat(outbox.sent()).isEmpty();
  }

  @Test
  void outboxExpandsBulkSendsPerRecipientAndCanScriptFailures() {
    InMemoryOutbox outbox = new InMemoryOutbox();
    Email content = Email.builder().from("news@example.com").templateId("d-1")
        .templateData("month", "May").build();
    outbox.failNextWith(new DeliveryUnknownException("scripted", 500, null));
    BulkResult result = outbox.sendBulk(content, BulkSendTest.recipients(1500));
    assertThat(result.chunks()).extracting(BulkResult.Chunk::status)
        .containsExactly(BulkResult.Status.DELIVERY_UNKNOWN, BulkResult.Status.SENT);
    assertThat(outbox.sent()).hasSize(500);
    Email one = outbox.sentTo("user1200@example.com").get(0);
    assertThat(one.templateData()).isEqualTo(Map.of("month", "May", "first_name", "User1200"));
    assertThat(one.customArgs()).isEqualTo(Map.of("user_id", "1200"));
    assertThat(one.to()).isEqualTo(List.of(Address.of("user1200@example.com", "User 1200")));
  }
}
