package io.herokusdk.mail;

import io.herokusdk.core.Sleeper;

import static io.herokusdk.mail.TestSupport.mailerFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.mail.BulkResult.Status;
import io.herokusdk.mail.TestSupport.RecordingSleeper;
import io.herokusdk.testing.sendgrid.FakeSendGrid;
import io.herokusdk.testing.sendgrid.FakeSendGrid.Answer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BulkSendTest {
  private FakeSendGrid fake;
  private SendGridMailer mailer;

  private static final Email NEWSLETTER = Email.builder()
      .from("news@example.com", "Example News")
      .subject("This month")
      .templateId("d-newsletter")
      .templateData("month", "May")
      .category("newsletter")
      .customArg("campaign", "may")
      .build();

  @BeforeEach
  void start() {
    fake = TestSupport.fakeSendGrid().start();
    mailer = mailerFor(fake, new RecordingSleeper()).build();
  }

  @AfterEach
  void stop() {
    mailer.close();
    fake.close();
  }

  static List<BulkRecipient> recipients(int n) {
    List<BulkRecipient> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(new BulkRecipient(Address.of("user" + i + "@example.com", "User " + i),
          Map.of("first_name", "User" + i), Map.of("user_id", String.valueOf(i))));
    }
    return list;
  }

  @Test
  void tenThousandRecipientsTakeTenRequestsOfOneThousandPersonalizations() {
    BulkResult result = mailer.sendBulk(NEWSLETTER, recipients(10_000));
    assertThat(result.allSent()).isTrue();
    assertThat(result.chunks()).hasSize(10);
    assertThat(result.sentRecipientCount()).isEqualTo(10_000);
    assertThat(fake.requestCount()).isEqualTo(10);
    assertThat(fake.accepted()).allSatisfy(m -> assertThat(m.personalizationCount()).isEqualTo(1000));
    Set<String> everyone = new HashSet<>();
    fake.accepted().forEach(m -> everyone.addAll(m.recipients()));
    assertThat(everyone).hasSize(10_000);
    assertThat(result.chunks()).extracting(c -> c.result().messageId()).doesNotContainNull();
  }

  @Test
  void eachPersonalizationCarriesItsRecipientsDataMergedOverTheSharedData() {
    mailer.sendBulk(NEWSLETTER, recipients(3));
    Map<String, Object> json = fake.accepted().get(0).json();
    Map<?, ?> second = (Map<?, ?>) ((List<?>) json.get("personalizations")).get(1);
    assertThat(second.get("dynamic_template_data"))
        .isEqualTo(Map.of("month", "May", "first_name", "User1"));
    assertThat(second.get("custom_args")).isEqualTo(Map.of("campaign", "may", "user_id", "1"));
    assertThat(second.get("to")).isEqualTo(List.of(Map.of("email", "user1@example.com", "name", "User 1")));
  }

  @Test
  void chunksAreSizedAndIndexedAgainstTheRecipientList() {
    BulkResult result = mailer.sendBulk(NEWSLETTER, recipients(2500));
    assertThat(result.chunks()).extracting(BulkResult.Chunk::firstRecipient)
        .containsExactly(0, 1000, 2000);
    assertThat(result.chunks()).extracting(BulkResult.Chunk::recipientCount)
        .containsExactly(1000, 1000, 500);
  }

  @Test
  void aFailedChunkIsReportedAndTheOthersAreStillSent() {
    fake.enqueue(Answer.validate());
    fake.enqueue(Answer.status(400, new FakeSendGrid.Error("personalizations.3.to", "bad")));
    fake.enqueue(Answer.serverError(502));
    BulkResult result = mailer.sendBulk(NEWSLETTER, recipients(3500));
    assertThat(result.chunks()).extracting(BulkResult.Chunk::status)
        .containsExactly(Status.SENT, Status.FAILED, Status.DELIVERY_UNKNOWN, Status.SENT);
    assertThat(result.allSent()).isFalse();
    assertThat(result.unsentChunks()).hasSize(2);
    assertThat(result.chunks().get(1).error()).isInstanceOf(MailRejectedException.class);
    assertThat(result.chunks().get(2).error()).isInstanceOf(DeliveryUnknownException.class);
    assertThat(result.sentRecipientCount()).isEqualTo(1500);
    assertThat(fake.requestCount()).isEqualTo(4);
  }

  @Test
  void anAuthenticationFailureSkipsTheRemainingChunks() {
    fake.enqueue(Answer.status(401, new FakeSendGrid.Error(null, "invalid key")));
    BulkResult result = mailer.sendBulk(NEWSLETTER, recipients(2001));
    assertThat(result.chunks()).extracting(BulkResult.Chunk::status)
        .containsExactly(Status.FAILED, Status.SKIPPED, Status.SKIPPED);
    assertThat(fake.requestCount()).isEqualTo(1);
  }

  @Test
  void contentWithRecipientsOrDuplicateRecipientsIsRejectedBeforeAnyRequest() {
    Email withTo = NEWSLETTER.toBuilder().to("x@example.com").build();
    assertThatThrownBy(() -> mailer.sendBulk(withTo, recipients(2)))
        .isInstanceOf(InvalidEmailException.class).hasMessageContaining("no to, cc or bcc");
    List<BulkRecipient> duplicated = new ArrayList<>(recipients(1500));
    duplicated.add(BulkRecipient.of(Address.of("USER7@example.com")));
    assertThatThrownBy(() -> mailer.sendBulk(NEWSLETTER, duplicated))
        .isInstanceOfSatisfying(InvalidEmailException.class,
            e -> assertThat(e.field()).isEqualTo("recipients[1500].to"));
    assertThat(fake.requestCount()).isZero();
  }
}
