package io.herokusdk.spring.internal;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.redis.LettuceSettings;
import io.lettuce.core.RedisCredentialsProvider;
import io.lettuce.core.RedisURI;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.resource.ClientResources;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.util.ClassUtils;

/**
 * A Spring Data Redis {@link LettuceConnectionFactory} with heroku-redis' own settings: the same
 * {@code RedisURI} (host, port, database, TLS and its verification mode, credentials that are
 * asked for on every connect), client options (TLS trust, timeouts, keepalive, reconnect,
 * disconnected behaviour) and client resources (reconnect backoff, an encoder that never logs
 * what it sends). Nothing is parsed here.
 */
public final class SpringDataRedis {
  private SpringDataRedis() {}

  /**
   * Lettuce's Micrometer command latency recorder on the context's MeterRegistry, or null if
   * Micrometer is absent or there is no single registry.
   */
  public static @Nullable CommandLatencyRecorder latencyRecorder(BeanFactory beanFactory) {
    if (!ClassUtils.isPresent("io.micrometer.core.instrument.MeterRegistry",
        SpringDataRedis.class.getClassLoader())) {
      return null;
    }
    return LettuceLatency.recorder(beanFactory);
  }

  /** The factory for {@code vars}; it owns (and shuts down) its client resources. */
  public static LettuceConnectionFactory connectionFactory(ConfigVars vars,
      @Nullable CommandLatencyRecorder latencyRecorder,
      List<ClientResourcesBuilderCustomizer> customizers) {
    LettuceSettings settings = LettuceSettings.fromConfig(vars);
    RedisURI uri = settings.redisUri();
    ClientResources.Builder builder = settings.clientResources();
    if (latencyRecorder != null) builder.commandLatencyRecorder(latencyRecorder);
    customizers.forEach(customizer -> customizer.customize(builder));
    ClientResources resources = builder.build();

    RedisStandaloneConfiguration standalone =
        new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
    standalone.setDatabase(uri.getDatabase());
    LettuceClientConfiguration.LettuceClientConfigurationBuilder client =
        LettuceClientConfiguration.builder()
            .clientOptions(settings.clientOptions())
            .clientResources(resources)
            .commandTimeout(settings.commandTimeout());
    settings.credentials().ifPresent(credentials ->
        client.redisCredentialsProviderFactory(new FixedCredentials(credentials)));
    if (uri.isSsl()) client.useSsl().verifyPeer(uri.getVerifyMode());
    return new OwningFactory(standalone, client.build(), resources);
  }

  /** Sends heroku-redis' credentials provider, which Lettuce asks on every (re)connect. */
  private record FixedCredentials(RedisCredentialsProvider auth)
      implements org.springframework.data.redis.connection.lettuce.RedisCredentialsProviderFactory {
    @Override
    public io.lettuce.core.RedisCredentialsProvider createCredentialsProvider(
        org.springframework.data.redis.connection.RedisConfiguration configuration) {
      return auth;
    }

    @Override
    public String toString() {
      return "FixedCredentials[****]";
    }
  }

  /** Shuts down the client resources it was given, after the connections. */
  private static final class OwningFactory extends LettuceConnectionFactory {
    private final ClientResources resources;

    OwningFactory(RedisStandaloneConfiguration standalone, LettuceClientConfiguration client,
        ClientResources resources) {
      super(standalone, client);
      this.resources = resources;
    }

    @Override
    public void destroy() {
      super.destroy();
      resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
  }
}
