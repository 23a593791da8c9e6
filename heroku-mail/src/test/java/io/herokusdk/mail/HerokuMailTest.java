package io.herokusdk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.core.InvalidConfigVarException;
import io.herokusdk.core.MissingConfigVarException;
import io.herokusdk.testing.LogCapture;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HerokuMailTest {
  private static Mailer pick(Map<String, String> vars) {
    return HerokuMail.fromConfig(ConfigVars.of(vars));
  }

  @Test
  void picksSendGridWhenItsKeyIsSetEvenIfMailgunIsToo() {
    try (Mailer mailer = pick(Map.of("SENDGRID_API_KEY", "SG.x", "MAILGUN_API_KEY", "k",
        "MAILGUN_DOMAIN", "mg.example.com"))) {
      assertThat(mailer).isInstanceOf(SendGridMailer.class);
      assertThat(((SendGridMailer) mailer).sandboxMode()).isFalse();
    }
  }

  @Test
  void sendGridRegionAndSandboxComeFromConfigVars() {
    try (Mailer mailer = pick(Map.of("SENDGRID_API_KEY", "SG.x", "SENDGRID_REGION", "eu",
        "MAIL_SANDBOX", "true"))) {
      assertThat(mailer.toString()).contains("EU");
      assertThat(((SendGridMailer) mailer).sandboxMode()).isTrue();
    }
    assertThatThrownBy(() -> pick(Map.of("SENDGRID_API_KEY", "SG.x", "SENDGRID_REGION", "mars")))
        .isInstanceOf(InvalidConfigVarException.class).hasMessageContaining("SENDGRID_REGION");
  }

  @Test
  void picksMailgunWhenItsKeyAndDomainAreSet() {
    try (Mailer mailer = pick(Map.of("MAILGUN_API_KEY", "k", "MAILGUN_DOMAIN", "mg.example.com",
        "MAILGUN_SMTP_SERVER", "smtp.eu.mailgun.org"))) {
      assertThat(mailer).isInstanceOf(MailgunMailer.class);
      assertThat(mailer.toString()).contains("mg.example.com", "EU");
    }
  }

  @Test
  void mailgunKeyWithoutDomainNamesTheMissingVar() {
    assertThatThrownBy(() -> pick(Map.of("MAILGUN_API_KEY", "k")))
        .isInstanceOfSatisfying(MissingConfigVarException.class,
            e -> assertThat(e.configVar()).contains("MAILGUN_DOMAIN"))
        .hasMessageContaining("MAILGUN_API_KEY");
  }

  @Test
  void fallsBackToTheConsoleWithAWarningWhenNothingIsSet() {
    try (LogCapture logs = LogCapture.start(); Mailer mailer = pick(Map.of())) {
      assertThat(mailer).isInstanceOf(ConsoleMailer.class);
      assertThat(logs.text()).contains("WARN").contains("not sent");
    }
  }

  @Test
  void refusesTheConsoleOnADynoNamingTheVarsToSet() {
    assertThatThrownBy(() -> pick(Map.of("DYNO", "web.1", "MAILGUN_SMTP_LOGIN", "x")))
        .isInstanceOf(MissingConfigVarException.class)
        .hasMessageContaining("SENDGRID_API_KEY")
        .hasMessageContaining("MAILGUN_API_KEY and MAILGUN_DOMAIN")
        .hasMessageContaining("MAIL_ALLOW_CONSOLE=true");
  }

  @Test
  void allowsTheConsoleOnADynoWhenExplicitlyAllowed() {
    try (Mailer mailer = pick(Map.of("DYNO", "web.1", "MAIL_ALLOW_CONSOLE", "true"))) {
      assertThat(mailer).isInstanceOf(ConsoleMailer.class);
    }
    try (Mailer mailer = HerokuMail.builder().configVars(ConfigVars.of(Map.of("DYNO", "web.1")))
        .allowConsole(true).build()) {
      assertThat(mailer).isInstanceOf(ConsoleMailer.class);
    }
  }

  @Test
  void malformedTimeoutsNameTheirVar() {
    assertThatThrownBy(() -> pick(Map.of("SENDGRID_API_KEY", "SG.x", "MAIL_READ_TIMEOUT", "soon")))
        .isInstanceOf(InvalidConfigVarException.class).hasMessageContaining("MAIL_READ_TIMEOUT");
  }
}
