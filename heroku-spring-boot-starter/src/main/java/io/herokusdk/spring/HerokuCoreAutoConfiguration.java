package io.herokusdk.spring;

import io.herokusdk.core.ConfigVars;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** The {@link ConfigVars} the other Heroku auto-configurations read, from Spring's Environment. */
@AutoConfiguration
@EnableConfigurationProperties(HerokuProperties.class)
public class HerokuCoreAutoConfiguration {
  /** Creates the auto-configuration; Spring Boot does, when it applies. */
  public HerokuCoreAutoConfiguration() {}

  /**
   * Config vars from the Environment; see {@link SpringConfigVars}.
   *
   * @param environment the application's Environment
   * @return the config vars as the Environment had them when the bean was created
   */
  @Bean
  @ConditionalOnMissingBean
  public ConfigVars herokuConfigVars(Environment environment) {
    return SpringConfigVars.from(environment);
  }
}
