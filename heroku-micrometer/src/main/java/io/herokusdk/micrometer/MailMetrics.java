package io.herokusdk.micrometer;

import io.herokusdk.mail.BulkRecipient;
import io.herokusdk.mail.BulkResult;
import io.herokusdk.mail.ConsoleMailer;
import io.herokusdk.mail.DeliveryUnknownException;
import io.herokusdk.mail.Email;
import io.herokusdk.mail.InMemoryOutbox;
import io.herokusdk.mail.MailgunMailer;
import io.herokusdk.mail.Mailer;
import io.herokusdk.mail.SendGridMailer;
import io.herokusdk.mail.SendResult;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what a {@link Mailer} sends: the counter {@code heroku.mail.sends} tagged {@code
 * provider} ({@code sendgrid}, {@code mailgun}, {@code console}, ...) and {@code outcome}: {@code
 * sent} (the provider accepted it), {@code failed} (certainly not sent) or {@code unknown} (the
 * request went out but no answer came back: it may have been sent). A bulk send counts each
 * recipient once by its chunk's outcome; skipped chunks count as failed.
 *
 * <pre>{@code
 * MailMetrics metrics = MailMetrics.wrap(HerokuMail.fromEnv());
 * Mailer mailer = metrics.mailer(); // send through this one
 * metrics.bindTo(registry);
 * }</pre>
 *
 * <p>Counting starts at once; binding may come before or after, to any number of registries.
 */
public final class MailMetrics implements MeterBinder {
  /** The counter's name. */
  public static final String SENDS = "heroku.mail.sends";

  private final Mailer delegate;
  private final String provider;
  private final LongAdder sent = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder unknown = new LongAdder();
  private final Mailer counting = new CountingMailer();

  private MailMetrics(Mailer delegate) {
    this.delegate = Objects.requireNonNull(delegate, "mailer");
    this.provider = providerOf(delegate);
  }

  /**
   * Counts what is sent through {@link #mailer()}, which sends with {@code mailer}.
   *
   * @param mailer the mailer that sends, such as {@code HerokuMail.fromEnv()}; sends made on it
   *     directly are not counted
   * @return the metrics, counting from now, bound to no registry yet
   */
  public static MailMetrics wrap(Mailer mailer) {
    return new MailMetrics(mailer);
  }

  /**
   * The mailer to send through: {@code mailer} given to {@link #wrap}, counted.
   *
   * @return the counting mailer; the same instance on every call. Closing it closes the delegate
   */
  public Mailer mailer() {
    return counting;
  }

  /**
   * The mailer being counted, as given to {@link #wrap}.
   *
   * @return the delegate; what is sent through it directly is not counted
   */
  public Mailer delegate() {
    return delegate;
  }

  /**
   * The provider's short name, as in the {@code provider} tag: {@code sendgrid}, {@code
   * mailgun}, {@code console}, {@code in-memory}, or the class name of another Mailer.
   *
   * @return the value of the {@code provider} tag
   */
  public String provider() {
    return provider;
  }

  /**
   * Names a mailer's provider like {@link #provider()} does; a mailer from {@link #mailer()} is
   * named by what it wraps.
   *
   * @param mailer any mailer, including one from {@link #mailer()}
   * @return the short name, or the mailer's fully qualified class name for other mailers
   */
  public static String providerOf(Mailer mailer) {
    if (mailer instanceof CountingMailer counted) return counted.metrics().provider;
    if (mailer instanceof SendGridMailer) return "sendgrid";
    if (mailer instanceof MailgunMailer) return "mailgun";
    if (mailer instanceof ConsoleMailer) return "console";
    if (mailer instanceof InMemoryOutbox) return "in-memory";
    return mailer.getClass().getName();
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    counter(registry, "sent", sent, "Emails the provider accepted");
    counter(registry, "failed", failed, "Emails certainly not sent");
    counter(registry, "unknown", unknown,
        "Emails whose request went out but got no answer: they may have been sent");
  }

  private void counter(MeterRegistry registry, String outcome, LongAdder count,
      String description) {
    FunctionCounter.builder(SENDS, count, LongAdder::doubleValue)
        .tag("provider", provider)
        .tag("outcome", outcome)
        .description(description)
        .register(registry);
  }

  private final class CountingMailer implements Mailer {
    MailMetrics metrics() {
      return MailMetrics.this;
    }

    @Override
    public SendResult send(Email email) {
      SendResult result;
      try {
        result = delegate.send(email);
      } catch (DeliveryUnknownException e) {
        unknown.increment();
        throw e;
      } catch (RuntimeException e) {
        failed.increment();
        throw e;
      }
      sent.increment();
      return result;
    }

    @Override
    public BulkResult sendBulk(Email content, List<BulkRecipient> recipients) {
      BulkResult result;
      try {
        result = delegate.sendBulk(content, recipients);
      } catch (RuntimeException e) {
        failed.add(recipients.size());
        throw e;
      }
      for (BulkResult.Chunk chunk : result.chunks()) {
        switch (chunk.status()) {
          case SENT -> sent.add(chunk.recipientCount());
          case DELIVERY_UNKNOWN -> unknown.add(chunk.recipientCount());
          default -> failed.add(chunk.recipientCount());
        }
      }
      return result;
    }

    @Override
    public void close() {
      delegate.close();
    }

    @Override
    public String toString() {
      return "Counted[" + delegate + "]";
    }
  }
}
