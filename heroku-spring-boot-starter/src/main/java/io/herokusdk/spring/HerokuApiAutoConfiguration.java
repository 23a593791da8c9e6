package io.herokusdk.spring;

import io.herokusdk.api.ApiListener;
import io.herokusdk.api.Heroku;
import io.herokusdk.core.ConfigVars;
import io.herokusdk.micrometer.ApiMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A Platform API client ({@link Heroku}) authenticated with {@code HEROKU_API_KEY}, when
 * heroku-api is on the classpath and that var is set; {@code HEROKU_API_URL} and {@code
 * HEROKU_DATA_HOST} override the Platform and Data API base URLs (for proxies and fakes). Every {@link ApiListener} bean (with heroku-micrometer: an {@link
 * ApiMetrics}) observes its requests. Backs off when the application defines a Heroku bean.
 */
@AutoConfiguration(after = HerokuCoreAutoConfiguration.class)
@ConditionalOnClass(Heroku.class)
@ConditionalOnConfigVar(Heroku.API_KEY_VAR)
public class HerokuApiAutoConfiguration {
  /** The config var that overrides the API's base URL. */
  public static final String API_URL_VAR = "HEROKU_API_URL";

  /** Creates the auto-configuration; Spring Boot does, when it applies. */
  public HerokuApiAutoConfiguration() {}

  /**
   * The client; closed with the context.
   *
   * @param herokuConfigVars supplies {@code HEROKU_API_KEY}, and {@code HEROKU_API_URL} and
   *     {@code HEROKU_DATA_HOST} if set
   * @param listeners every {@link ApiListener} bean; each sees every request, in bean order
   * @return the client
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public Heroku heroku(ConfigVars herokuConfigVars, ObjectProvider<ApiListener> listeners) {
    Heroku.Builder builder = Heroku.builder()
        .token(herokuConfigVars.requireSecret(Heroku.API_KEY_VAR));
    herokuConfigVars.get(API_URL_VAR).filter(url -> !url.isBlank()).ifPresent(builder::baseUrl);
    herokuConfigVars.get(Heroku.DATA_HOST_VAR).filter(h -> !h.isBlank())
        .ifPresent(h -> builder.dataUrl(h.contains("://") ? h : "https://" + h.strip()));
    java.util.List<ApiListener> all = listeners.orderedStream().toList();
    if (all.size() == 1) {
      builder.listener(all.get(0));
    } else if (!all.isEmpty()) {
      builder.listener(exchange -> all.forEach(listener -> listener.exchanged(exchange)));
    }
    return builder.build();
  }

  /** Platform API meters, fed by the client above. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {"io.herokusdk.micrometer.ApiMetrics",
      "io.micrometer.core.instrument.binder.MeterBinder"})
  static class Metrics {
    @Bean
    @ConditionalOnMissingBean
    ApiMetrics herokuApiMetrics() {
      return new ApiMetrics();
    }
  }
}
