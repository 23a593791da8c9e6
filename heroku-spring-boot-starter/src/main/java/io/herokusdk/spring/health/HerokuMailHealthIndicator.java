package io.herokusdk.spring.health;

import io.herokusdk.mail.ConsoleMailer;
import io.herokusdk.mail.InMemoryOutbox;
import io.herokusdk.mail.MailgunMailer;
import io.herokusdk.mail.Mailer;
import io.herokusdk.mail.SendGridMailer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.util.ClassUtils;

/**
 * Which mail provider the {@link Mailer} bean sends through ({@code sendgrid}, {@code mailgun},
 * {@code console}...), never its key. Always UP: a configured provider is all it checks (calling
 * the provider would spend API quota); {@code console} says emails go to the log.
 */
public final class HerokuMailHealthIndicator implements HealthIndicator {
  private final Mailer mailer;

  /**
   * Reports on {@code mailer}.
   *
   * @param mailer the Mailer bean; only its type is looked at, nothing is sent
   */
  public HerokuMailHealthIndicator(Mailer mailer) {
    this.mailer = mailer;
  }

  @Override
  public Health health() {
    String provider = providerOf(mailer);
    Health.Builder health = Health.up().withDetail("provider", provider);
    if (provider.equals("console")) health.withDetail("note", "emails are logged, not sent");
    return health.build();
  }

  /** The provider's short name, as heroku-micrometer's mail meters tag it. */
  static String providerOf(Mailer mailer) {
    if (ClassUtils.isPresent("io.herokusdk.micrometer.MailMetrics",
        HerokuMailHealthIndicator.class.getClassLoader())) {
      return io.herokusdk.micrometer.MailMetrics.providerOf(mailer);
    }
    if (mailer instanceof SendGridMailer) return "sendgrid";
    if (mailer instanceof MailgunMailer) return "mailgun";
    if (mailer instanceof ConsoleMailer) return "console";
    if (mailer instanceof InMemoryOutbox) return "in-memory";
    return mailer.getClass().getName();
  }
}
