package io.herokusdk.mail;

import io.herokusdk.mail.internal.BulkSender;
import io.herokusdk.mail.internal.EmailRules;
import io.herokusdk.mail.internal.Outcome;
import io.herokusdk.mail.internal.Retrier;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * What {@link SendGridMailer} and {@link MailgunMailer} share: checking emails, retrying each
 * request as the policy allows, chunking bulk sends, and closing once. A subclass only turns an
 * email into one request ({@link #post}) and releases its HTTP client ({@link #release}).
 */
abstract class HttpMailer implements Mailer {
  private final String name;
  private final Retrier retrier;
  private final Clock clock;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * @param name the mailer's class name, for the closed-mailer error
   * @param provider the provider's name, for retry logs
   * @param transport the key, connection and retry settings
   */
  HttpMailer(String name, String provider, TransportOptions transport) {
    this.name = name;
    this.retrier = transport.retrier(provider);
    this.clock = transport.clock();
  }

  /**
   * Throws if the provider cannot express something {@code email} (or a bulk send of it to
   * {@code recipients}, when not null) asks for; called before any request. By default
   * everything is supported.
   *
   * @throws InvalidEmailException naming the field the provider has no equivalent for
   */
  void checkSupported(Email email, @Nullable List<BulkRecipient> recipients) {}

  /**
   * Makes one attempt to send {@code email}: to its own recipients when {@code chunk} is null,
   * else as a bulk send of its content to each of {@code chunk}.
   */
  abstract Outcome post(Email email, @Nullable List<BulkRecipient> chunk);

  /** Releases the HTTP client; called once, by the first {@link #close()}. */
  abstract void release();

  @Override
  public SendResult send(Email email) {
    checkOpen();
    EmailRules.requireRecipients(email);
    checkSupported(email, null);
    return retrier.run(() -> post(email, null));
  }

  @Override
  public BulkResult sendBulk(Email content, List<BulkRecipient> recipients) {
    checkOpen();
    EmailRules.validateBulk(content, recipients, clock);
    checkSupported(content, recipients);
    return BulkSender.send(recipients, EmailRules.MAX_RECIPIENTS_PER_REQUEST,
        chunk -> retrier.run(() -> post(content, chunk)));
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) release();
  }

  private void checkOpen() {
    if (closed.get()) throw new IllegalStateException("this " + name + " is closed");
  }
}
