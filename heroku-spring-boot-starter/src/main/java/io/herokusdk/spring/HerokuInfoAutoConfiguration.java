package io.herokusdk.spring;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.spring.info.HerokuInfoContributor;
import io.herokusdk.spring.info.HerokuSanitizingFunction;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The dyno metadata in {@code /actuator/info} ({@link HerokuInfoContributor}), and a {@link
 * HerokuSanitizingFunction} that masks config-var secrets in {@code /actuator/env} and {@code
 * /actuator/configprops} even when their values are shown.
 */
@AutoConfiguration(after = HerokuCoreAutoConfiguration.class)
@ConditionalOnClass(InfoContributor.class)
public class HerokuInfoAutoConfiguration {
  /** Creates the auto-configuration; Spring Boot does, when it applies. */
  public HerokuInfoAutoConfiguration() {}

  /**
   * Contributes {@code heroku} to the info endpoint.
   *
   * @param herokuConfigVars where {@code DYNO} and the runtime dyno metadata are read
   * @return the contributor
   */
  @Bean
  @ConditionalOnMissingBean
  public HerokuInfoContributor herokuInfoContributor(ConfigVars herokuConfigVars) {
    return new HerokuInfoContributor(herokuConfigVars);
  }

  /**
   * Masks URL passwords and keys; applied by Actuator's env and configprops endpoints.
   *
   * @return the sanitizing function
   */
  @Bean
  @ConditionalOnMissingBean
  public HerokuSanitizingFunction herokuSanitizingFunction() {
    return new HerokuSanitizingFunction();
  }
}
