package io.herokusdk.spring.internal;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.redis.internal.LettuceSetup;
import io.herokusdk.redis.internal.RedisAuth;
import io.herokusdk.redis.internal.RedisSettings;
import io.herokusdk.redis.internal.SettingsResolver;
import io.lettuce.core.RedisURI;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.resource.ClientResources;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
  public static CommandLatencyRecorder latencyRecorder(BeanFactory beanFactory) {
    if (!ClassUtils.isPresent("io.micrometer.core.instrument.MeterRegistry",
        SpringDataRedis.class.getClassLoader())) {
      return null;
    }
    return LettuceLatency.recorder(beanFactory);
  }

  /** The factory for {@code vars}; it owns (and shuts down) its client resources. */
  public static LettuceConnectionFactory connectionFactory(ConfigVars vars,
      CommandLatencyRecorder latencyRecorder, List<ClientResourcesBuilderCustomizer> customizers) {
    RedisSettings settings = SettingsResolver.resolve(vars,
        new SettingsResolver.Explicit(null, null, null, null, null, null, null, null, null));
    RedisAuth auth = RedisAuth.of(settings);
    RedisURI uri = LettuceSetup.redisUri(settings, auth);
    ClientResources base = LettuceSetup.clientResources(settings);
    ClientResources.Builder builder = base.mutate();
    if (latencyRecorder != null) builder.commandLatencyRecorder(latencyRecorder);
    customizers.forEach(customizer -> customizer.customize(builder));
    ClientResources resources = builder.build();

    RedisStandaloneConfiguration standalone =
        new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
    standalone.setDatabase(uri.getDatabase());
    LettuceClientConfiguration.LettuceClientConfigurationBuilder client =
        LettuceClientConfiguration.builder()
            .clientOptions(LettuceSetup.clientOptions(settings))
            .clientResources(resources)
            .commandTimeout(settings.commandTimeout());
    if (auth != null) client.redisCredentialsProviderFactory(new FixedCredentials(auth));
    if (uri.isSsl()) client.useSsl().verifyPeer(uri.getVerifyMode());
    return new OwningFactory(standalone, client.build(), resources, base);
  }

  /** Sends heroku-redis' credentials provider, which Lettuce asks on every (re)connect. */
  private record FixedCredentials(RedisAuth auth)
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
    private final ClientResources base;

    OwningFactory(RedisStandaloneConfiguration standalone, LettuceClientConfiguration client,
        ClientResources resources, ClientResources base) {
      super(standalone, client);
      this.resources = resources;
      this.base = base;
    }

    @Override
    public void destroy() {
      super.destroy();
      resources.shutdown(0, 2, TimeUnit.SECONDS);
      base.shutdown(0, 2, TimeUnit.SECONDS);
    }
  }
}
