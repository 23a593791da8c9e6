package io.herokusdk.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.mail.BulkRecipient;
import io.herokusdk.mail.BulkResult;
import io.herokusdk.mail.DeliveryUnknownException;
import io.herokusdk.mail.Email;
import io.herokusdk.mail.InMemoryOutbox;
import io.herokusdk.mail.MailNotSentException;
import io.herokusdk.mail.Mailer;
import io.herokusdk.mail.SendResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MailMetricsTest {
  static final Email EMAIL = Email.builder().from("a@example.com").to("b@example.com")
      .subject("hi").text("hello").build();

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  double count(String provider, String outcome) {
    return registry.get(MailMetrics.SENDS).tag("provider", provider).tag("outcome", outcome)
        .functionCounter().count();
  }

  @Test
  void countsSentEmailsAndSendsThroughTheWrappedMailer() {
    InMemoryOutbox outbox = new InMemoryOutbox();
    MailMetrics metrics = MailMetrics.wrap(outbox);
    metrics.mailer().send(EMAIL);
    metrics.bindTo(registry);
    metrics.mailer().send(EMAIL);

    assertThat(outbox.sent()).hasSize(2);
    assertThat(count("in-memory", "sent")).as("counted before and after binding").isEqualTo(2);
    assertThat(count("in-memory", "failed")).isZero();
    assertThat(MailMetrics.providerOf(metrics.mailer())).isEqualTo("in-memory");
  }

  /** A provider that fails the way the next test says. */
  static final class Failing implements Mailer {
    final AtomicReference<RuntimeException> next = new AtomicReference<>();

    @Override
    public SendResult send(Email email) {
      throw next.get();
    }

    @Override
    public BulkResult sendBulk(Email content, List<BulkRecipient> recipients) {
      throw next.get();
    }

    @Override
    public void close() {}
  }

  @Test
  void countsFailedAndUnknownDeliveriesApart() {
    Failing failing = new Failing();
    MailMetrics metrics = MailMetrics.wrap(failing);
    metrics.bindTo(registry);
    String provider = Failing.class.getName();

    failing.next.set(new MailNotSentException("connection refused", null));
    assertThatThrownBy(() -> metrics.mailer().send(EMAIL))
        .isInstanceOf(MailNotSentException.class);
    failing.next.set(new DeliveryUnknownException("read timed out", 0, null));
    assertThatThrownBy(() -> metrics.mailer().send(EMAIL))
        .isInstanceOf(DeliveryUnknownException.class);

    assertThat(count(provider, "failed")).isEqualTo(1);
    assertThat(count(provider, "unknown")).isEqualTo(1);
    assertThat(count(provider, "sent")).isZero();
  }
}
