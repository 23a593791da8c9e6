package io.herokusdk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.mail.internal.SendGridBody;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stricter rules of the hardening issue: addresses, attachments, size, send time, new fields. */
class EmailRulesTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static Email.Builder base() {
    return TestSupport.welcome().clock(CLOCK);
  }

  private static InvalidEmailException invalid(Email.Builder builder, String field) {
    InvalidEmailException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        InvalidEmailException.class, builder::build);
    assertThat(e).as("expected InvalidEmailException for " + field).isNotNull();
    assertThat(e.field()).isEqualTo(field);
    return e;
  }

  @ParameterizedTest
  @ValueSource(strings = {"a..b@example.com", ".a@example.com", "a.@example.com",
      "a@example..com", "a@-example.com", "a@example-.com", "a@.example.com", "a@example.com.",
      "a\u00a0b@example.com", "a@exa\u00a0mple.com", "a\u2028b@example.com", "a@example",
      "\"a b\"@example.com", "a@[127.0.0.1]", "a@b@example.com", "@example.com", "a@",
      "a b@example.com", "j\u00f6rg@example.com", "a@example.123", "a@exam_ple.com",
      "a@\u200bexample.com"})
  void rejectsAddressesRfc5321AndSendGridReject(String address) {
    InvalidEmailException e = invalid(base().to(address), "to[1].email");
    assertThat(e.getMessage()).contains("is not a valid email address: ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ada+tag@example.com", "ada@b\u00fccher.example", "o'brien@example.co.uk",
      "a_b-c.d@sub-domain.example.com", "x@xn--bcher-kva.example", "1@2.example"})
  void acceptsPlusAddressingIdnDomainsAndOtherValidAddresses(String address) {
    assertThat(base().to(address).build().to()).extracting(Address::email).contains(address);
  }

  @Test
  void saysWhatIsWrongWithAnAddress() {
    assertThat(invalid(base().to("a..b@example.com"), "to[1].email"))
        .hasMessageContaining("two dots in a row");
    assertThat(invalid(base().cc("a@-example.com"), "cc[0].email"))
        .hasMessageContaining("starts or ends with '-'");
    assertThat(invalid(base().bcc("a\u00a0b@example.com"), "bcc[0].email"))
        .hasMessageContaining("U+00A0");
  }

  @Test
  void rejectsAnEmptyAttachment() {
    assertThat(invalid(base().attach(Attachment.of("empty.txt", "text/plain", new byte[0])),
        "attachments[0].content")).hasMessageContaining("empty.txt");
  }

  @Test
  void countsThe30MegabyteLimitAsSendGridDoesOverTheWholeBody() {
    byte[] attachment = new byte[22_499_000];
    Email.Builder builder = base().attach(Attachment.of("a.bin", "application/octet-stream", attachment));
    long size = SendGridBody.size(builder.build(), true);
    // Pad the subject so the body is exactly 29,999,999 bytes, then one byte more.
    String pad = "x".repeat((int) (29_999_999 - size));
    Email justUnder = builder.subject("Welcome!" + pad).build();
    assertThat(SendGridBody.size(justUnder, true)).isEqualTo(29_999_999);
    assertThat(SendGridBody.single(justUnder, true).length()).isEqualTo(29_999_999);
    assertThat(invalid(builder.subject("Welcome!" + pad + "x"), "attachments"))
        .hasMessageContaining("30,000,000 bytes").hasMessageContaining("30000000 bytes");
  }

  @Test
  void sendAtMustBeInSendGridsSchedulingWindow() {
    assertThat(base().sendAt(NOW.plus(Duration.ofHours(72))).build().sendAt()).isPresent();
    assertThat(base().sendAt(NOW.minus(Duration.ofMinutes(5))).build().sendAt()).isPresent();
    assertThat(invalid(base().sendAt(NOW.plus(Duration.ofHours(72)).plusSeconds(1)), "sendAt"))
        .hasMessageContaining("72 hours");
    assertThat(invalid(base().sendAt(NOW.minus(Duration.ofMinutes(6))), "sendAt"))
        .hasMessageContaining("in the past");
  }

  @Test
  void checksTheNewSendGridFieldsNamingTheField() {
    invalid(base().asm(Asm.of(0)), "asm.groupId");
    invalid(base().asm(new Asm(1, java.util.stream.IntStream.rangeClosed(1, 26).boxed().toList())),
        "asm.groupsToDisplay");
    invalid(base().asm(Asm.of(1, 2, 2)), "asm.groupsToDisplay");
    invalid(base().ipPoolName("p"), "ipPoolName");
    invalid(base().ipPoolName("p".repeat(65)), "ipPoolName");
    invalid(base().batchId(" "), "batchId");
    invalid(base().mailSettings(MailSettings.builder().bypassListManagement(true)
        .bypassSpamManagement(true).build()), "mailSettings.bypassListManagement");
    invalid(base().mailSettings(MailSettings.builder()
        .footer(new MailSettings.Footer(true, null, null)).build()), "mailSettings.footer");
    invalid(base().content("text/html", "<p>x</p>"), "contents[0].type");
    invalid(base().content("calendar", "x"), "contents[0].type");
    invalid(base().content("text/calendar", "a").content("text/calendar; method=REQUEST", "b"),
        "contents[1].type");
    invalid(base().content("text/calendar", ""), "contents[0].value");
    invalid(Email.builder().from("a@example.com").to("b@example.com").subject("s")
        .content(ContentPart.AMP, "<html amp4email></html>"), "contents");
    invalid(base().replyToList(List.of(Address.of("r@example.com"), Address.of("R@example.com"))),
        "replyToList[1]");
    invalid(base().replyToList(List.of(Address.of("r@example.com"), Address.of("r..s@example.com"))),
        "replyToList[1].email");
    invalid(base().category("a").category("a"), "categories");
  }

  @Test
  void checksPerRecipientFieldsOfABulkSend() {
    Email content = Email.builder().from("a@example.com").subject("s").text("t").build();
    try (InMemoryOutbox outbox = new InMemoryOutbox()) {
      assertThatThrownBy(() -> outbox.sendBulk(content, List.of(
          BulkRecipient.builder(Address.of("x@example.com")).header("To", "y").build())))
          .isInstanceOfSatisfying(InvalidEmailException.class,
              e -> assertThat(e.field()).isEqualTo("recipients[0].headers.To"));
      assertThatThrownBy(() -> outbox.sendBulk(content, List.of(
          BulkRecipient.builder(Address.of("x@example.com")).subject("a\nb").build())))
          .isInstanceOfSatisfying(InvalidEmailException.class,
              e -> assertThat(e.field()).isEqualTo("recipients[0].subject"));
      assertThatThrownBy(() -> outbox.sendBulk(content, List.of(
          BulkRecipient.builder(Address.of("x@example.com"))
              .sendAt(Instant.now().plus(Duration.ofDays(4))).build())))
          .isInstanceOfSatisfying(InvalidEmailException.class,
              e -> assertThat(e.field()).isEqualTo("recipients[0].sendAt"));
      outbox.sendBulk(content, List.of(BulkRecipient.builder(Address.of("x@example.com"))
          .subject("Hi x").header("X-Campaign", "7").templateData("n", 1).build()));
      assertThat(outbox.last()).get().satisfies(e -> {
        assertThat(e.subject()).contains("Hi x");
        assertThat(e.headers()).isEqualTo(Map.of("X-Campaign", "7"));
      });
    }
  }
}
