package io.herokusdk.spring;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.mail.HerokuMail;
import io.herokusdk.mail.Mailer;
import io.herokusdk.micrometer.MailMetrics;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A {@link Mailer} chosen by heroku-mail's rules ({@code HerokuMail.fromConfig}): SendGrid when
 * {@code SENDGRID_API_KEY} is set, Mailgun for {@code MAILGUN_API_KEY} + {@code MAILGUN_DOMAIN},
 * else the console (refused on a dyno unless {@code MAIL_ALLOW_CONSOLE=true}). With
 * heroku-micrometer present, the bean counts its sends ({@link MailMetrics}). Backs off when the
 * application defines a Mailer.
 */
@AutoConfiguration(after = HerokuCoreAutoConfiguration.class)
@ConditionalOnClass(HerokuMail.class)
public class HerokuMailAutoConfiguration {
  /** Creates the auto-configuration; Spring Boot does, when it applies. */
  public HerokuMailAutoConfiguration() {}

  /** Without heroku-micrometer: the mailer as heroku-mail builds it. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingClass("io.herokusdk.micrometer.MailMetrics")
  static class PlainMailer {
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Mailer mailer(ConfigVars herokuConfigVars) {
      return HerokuMail.fromConfig(herokuConfigVars);
    }
  }

  /** With heroku-micrometer: the mailer counted by a {@link MailMetrics} bean (a MeterBinder). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {"io.herokusdk.micrometer.MailMetrics",
      "io.micrometer.core.instrument.binder.MeterBinder"})
  static class CountedMailer {
    @Bean
    @ConditionalOnMissingBean({MailMetrics.class, Mailer.class})
    MailMetrics herokuMailMetrics(ConfigVars herokuConfigVars) {
      return MailMetrics.wrap(HerokuMail.fromConfig(herokuConfigVars));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Mailer mailer(MailMetrics herokuMailMetrics) {
      return herokuMailMetrics.mailer();
    }
  }
}
