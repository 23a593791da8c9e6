package io.herokusdk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmailTest {
  private static Email.Builder base() {
    return TestSupport.welcome();
  }

  private static void assertInvalid(Email.Builder builder, String field, String fragment) {
    assertThatThrownBy(builder::build)
        .isInstanceOf(InvalidEmailException.class)
        .satisfies(e -> assertThat(((InvalidEmailException) e).field()).isEqualTo(field))
        .hasMessageContaining(fragment);
  }

  @Test
  void buildsAnImmutableEmailAndToBuilderCopiesEverything() {
    Email email = base().cc("bob@example.com").bcc("eve@example.com").replyTo("support@example.com")
        .html("<p>Hi</p>").category("welcome").customArg("user_id", "42")
        .header("List-Unsubscribe", "<mailto:unsub@example.com>")
        .templateData("name", "Ada").build();
    Email copy = email.toBuilder().build();
    assertThat(copy.to()).isEqualTo(email.to());
    assertThat(copy.cc()).containsExactly(Address.of("bob@example.com"));
    assertThat(copy.customArgs()).containsEntry("user_id", "42");
    assertThat(copy.templateData()).containsEntry("name", "Ada");
    assertThat(email.recipientCount()).isEqualTo(3);
    assertThatThrownBy(() -> email.to().add(Address.of("x@example.com")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void toStringShowsNoBodies() {
    Email email = base().html("<p>secret offer</p>").text("secret offer text").build();
    assertThat(email.toString()).contains("ada@example.com", "Welcome!").doesNotContain("secret offer");
  }

  @Test
  void requiresFrom() {
    assertInvalid(Email.builder().to("a@example.com").subject("s").text("t"), "from", "sender");
  }

  @Test
  void rejectsMoreThan1000Recipients() {
    Email.Builder builder = base();
    for (int i = 0; i < 1000; i++) builder.bcc("user" + i + "@example.com");
    assertInvalid(builder, "to", "at most 1000 recipients");
  }

  @Test
  void rejectsTheSameAddressTwiceAcrossToCcAndBccIgnoringCase() {
    assertInvalid(base().bcc("ADA@example.com"), "bcc[0]", "also to[0]");
  }

  @Test
  void rejectsMessagesOf30MegabytesOrMore() {
    byte[] big = new byte[23 * 1024 * 1024];
    assertInvalid(base().attach(Attachment.of("big.bin", "application/octet-stream", big)),
        "attachments", "under 30 MB");
  }

  @Test
  void acceptsAMessageJustUnder30Megabytes() {
    byte[] big = new byte[20 * 1024 * 1024];
    assertThat(base().attach(Attachment.of("big.bin", "application/octet-stream", big)).build()
        .attachments()).hasSize(1);
  }

  @Test
  void rejectsMoreThanTenCategories() {
    Email.Builder builder = base();
    for (int i = 0; i < 11; i++) builder.category("c" + i);
    assertInvalid(builder, "categories", "at most 10");
  }

  @Test
  void rejectsSemicolonsAndCommasInNames() {
    assertInvalid(base().cc(Address.of("bob@example.com", "Smith, Bob")), "cc[0].name", "';' or ','");
    assertInvalid(base().from("a@example.com", "A; B"), "from.name", "';' or ','");
  }

  @Test
  void requiresABodyOrATemplate() {
    assertInvalid(Email.builder().from("a@example.com").to("b@example.com").subject("s"),
        "text", "text or HTML body, or a templateId");
    assertThat(Email.builder().from("a@example.com").to("b@example.com")
        .templateId("d-123").build().templateId()).contains("d-123");
  }

  @Test
  void requiresASubjectUnlessATemplateSuppliesIt() {
    assertInvalid(Email.builder().from("a@example.com").to("b@example.com").text("t"),
        "subject", "subject is required");
  }

  @Test
  void rejectsMalformedAddresses() {
    assertInvalid(base().to("not-an-address"), "to[1].email", "not a valid email address");
  }

  @Test
  void rejectsCustomArgsOf10000BytesOrMore() {
    assertInvalid(base().customArg("blob", "x".repeat(10_000)), "customArgs", "under 10000 bytes");
  }

  @Test
  void rejectsReservedHeadersAndNonJsonTemplateData() {
    assertInvalid(base().header("Subject", "x"), "headers.Subject", "set by the provider");
    assertInvalid(base().templateData("when", new Object()), "templateData.when", "must be a string");
  }

  @Test
  void attachesFilesWithAGuessedContentType(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "hello");
    Attachment attachment = Attachment.fromFile(file);
    assertThat(attachment.filename()).isEqualTo("notes.txt");
    assertThat(attachment.contentType()).isEqualTo("text/plain");
    assertThat(new String(attachment.content(), StandardCharsets.UTF_8)).isEqualTo("hello");
    assertThat(attachment.toString()).doesNotContain("hello");
  }

  @Test
  void inlineAttachmentsCarryTheirContentId() {
    Attachment logo = Attachment.inline("logo", "logo.png", "image/png", new byte[] {1, 2});
    assertThat(logo.disposition()).isEqualTo(Attachment.Disposition.INLINE);
    assertThat(logo.contentId()).contains("logo");
  }

  @Test
  void bulkRecipientsMustBeDistinct() {
    Email content = Email.builder().from("a@example.com").subject("s").text("t").build();
    InMemoryOutbox outbox = new InMemoryOutbox();
    assertThatThrownBy(() -> outbox.sendBulk(content, java.util.List.of(
        BulkRecipient.of(Address.of("x@example.com")),
        BulkRecipient.of(Address.of("X@example.com"), Map.of()))))
        .isInstanceOf(InvalidEmailException.class)
        .hasMessageContaining("recipients[1].to");
    assertThat(outbox.sent()).isEmpty();
  }
}
