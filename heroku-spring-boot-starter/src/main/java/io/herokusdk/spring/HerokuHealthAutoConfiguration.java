package io.herokusdk.spring;

import io.herokusdk.mail.Mailer;
import io.herokusdk.postgres.HerokuPostgres;
import io.herokusdk.redis.HerokuRedis;
import io.herokusdk.spring.health.HerokuMailHealthIndicator;
import io.herokusdk.spring.health.HerokuPostgresHealthIndicator;
import io.herokusdk.spring.health.HerokuRedisHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Actuator health indicators for the Heroku beans: {@code herokuPostgres} (the primary and each
 * follower with its replication lag), {@code herokuRedis} (PING) and {@code herokuMail} (which
 * provider is configured). Needs spring-boot-health on the classpath.
 */
@AutoConfiguration(after = {HerokuPostgresAutoConfiguration.class,
    HerokuRedisAutoConfiguration.class, HerokuMailAutoConfiguration.class})
@ConditionalOnClass(HealthIndicator.class)
public class HerokuHealthAutoConfiguration {
  /** Creates the auto-configuration; Spring Boot does, when it applies. */
  public HerokuHealthAutoConfiguration() {}

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HerokuPostgres.class)
  static class Postgres {
    @Bean
    @ConditionalOnBean(HerokuPostgres.class)
    @ConditionalOnMissingBean(name = "herokuPostgresHealthIndicator")
    HerokuPostgresHealthIndicator herokuPostgresHealthIndicator(HerokuPostgres herokuPostgres) {
      return new HerokuPostgresHealthIndicator(herokuPostgres);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HerokuRedis.class)
  static class Redis {
    @Bean
    @ConditionalOnBean(HerokuRedis.class)
    @ConditionalOnMissingBean(name = "herokuRedisHealthIndicator")
    HerokuRedisHealthIndicator herokuRedisHealthIndicator(HerokuRedis herokuRedis) {
      return new HerokuRedisHealthIndicator(herokuRedis);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(Mailer.class)
  static class Mail {
    @Bean
    @ConditionalOnBean(Mailer.class)
    @ConditionalOnMissingBean(name = "herokuMailHealthIndicator")
    HerokuMailHealthIndicator herokuMailHealthIndicator(Mailer mailer) {
      return new HerokuMailHealthIndicator(mailer);
    }
  }
}
