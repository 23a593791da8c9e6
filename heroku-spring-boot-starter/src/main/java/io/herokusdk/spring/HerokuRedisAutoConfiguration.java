package io.herokusdk.spring;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.redis.HerokuRedis;
import io.herokusdk.spring.internal.SpringDataRedis;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Heroku Key-Value Store (Redis) from {@code REDIS_TLS_URL} or {@code REDIS_URL}, with
 * heroku-redis' TLS, auth, timeout and reconnect rules: the SDK's {@link HerokuRedis}, and, when
 * Spring Data Redis is present, a Lettuce {@link RedisConnectionFactory} built from the same
 * settings. Backs off when {@code spring.data.redis.url} or {@code spring.data.redis.host} is set
 * or the application defines the bean. Runs before Spring Boot's DataRedisAutoConfiguration.
 */
@AutoConfiguration(after = HerokuCoreAutoConfiguration.class,
    beforeName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass(HerokuRedis.class)
@ConditionalOnConfigVar(value = {"REDIS_URL", "REDIS_TLS_URL"},
    unlessProperty = {"spring.data.redis.url", "spring.data.redis.host"})
public class HerokuRedisAutoConfiguration {
  /** Creates the auto-configuration; Spring Boot does, when it applies. */
  public HerokuRedisAutoConfiguration() {}

  /**
   * The SDK's client: cache, queues, pub/sub, rate limits. Connects at start-up.
   *
   * @param herokuConfigVars where {@code REDIS_TLS_URL} or {@code REDIS_URL} and heroku-redis'
   *     other config vars are read
   * @return the client
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public HerokuRedis herokuRedis(ConfigVars herokuConfigVars) {
    return HerokuRedis.fromConfig(herokuConfigVars);
  }

  /** Spring Data Redis on the same URL and rules. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({LettuceConnectionFactory.class, ClientResourcesBuilderCustomizer.class})
  static class SpringDataRedisConfiguration {
    @Bean
    @ConditionalOnMissingBean(RedisConnectionFactory.class)
    LettuceConnectionFactory redisConnectionFactory(ConfigVars herokuConfigVars,
        BeanFactory beanFactory, ObjectProvider<ClientResourcesBuilderCustomizer> customizers) {
      return SpringDataRedis.connectionFactory(herokuConfigVars,
          SpringDataRedis.latencyRecorder(beanFactory), customizers.orderedStream().toList());
    }
  }
}
