package io.herokusdk.redis;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.redis.internal.LettuceSetup;
import io.herokusdk.redis.internal.RedisAuth;
import io.herokusdk.redis.internal.RedisSettings;
import io.herokusdk.redis.internal.SettingsResolver;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisCredentialsProvider;
import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How {@link HerokuRedis} connects, for another Lettuce client of the same Redis (Spring Data
 * Redis, a client of your own): the URI with Heroku's TLS rules, the client options (TLS trust,
 * timeouts, keepalive, reconnect), the credentials, asked for on every connect, and client
 * resources with the short reconnect backoff and an encoder that never logs what it sends.
 * Nothing here holds a thread or socket until you build the resources, which you then own.
 *
 * <pre>{@code
 * LettuceSettings settings = LettuceSettings.fromEnv();
 * ClientResources resources = settings.clientResources().build();   // shut it down yourself
 * RedisClient client = RedisClient.create(resources, settings.redisUri());
 * client.setOptions(settings.clientOptions());
 * }</pre>
 */
public final class LettuceSettings {
  private final RedisSettings settings;
  private final @Nullable RedisAuth auth;

  private LettuceSettings(RedisSettings settings) {
    this.settings = settings;
    this.auth = RedisAuth.of(settings);
  }

  /**
   * From the process's config vars: {@code REDIS_TLS_URL}, else {@code REDIS_URL}, and options.
   *
   * @return the settings; nothing is connected
   * @throws io.herokusdk.core.ConfigException naming the config var that is missing or wrong
   */
  public static LettuceSettings fromEnv() {
    return fromConfig(ConfigVars.fromEnv());
  }

  /**
   * From {@code configVars}, read as {@link HerokuRedis#fromConfig(ConfigVars)} reads them.
   *
   * @param configVars where {@code REDIS_URL} and the other vars are read from
   * @return the settings; nothing is connected
   * @throws io.herokusdk.core.ConfigException naming the config var that is missing or wrong
   */
  public static LettuceSettings fromConfig(ConfigVars configVars) {
    Objects.requireNonNull(configVars, "configVars == null");
    return new LettuceSettings(SettingsResolver.resolve(configVars,
        new SettingsResolver.Explicit(null, null, null, null, null, null, null, null, null)));
  }

  /**
   * The URI: host, port, database, TLS and its verification; credentials come from it too.
   *
   * @return a new URI with the command timeout; it holds no password, only the provider of
   *     {@link #credentials()}, if any
   */
  public RedisURI redisUri() {
    return LettuceSetup.redisUri(settings, auth);
  }

  /**
   * The client options every connection of {@link HerokuRedis} uses.
   *
   * @return new options: TLS trust, connect timeout, keepalive, auto-reconnect and the
   *     fail-fast or queueing behavior while disconnected
   */
  public ClientOptions clientOptions() {
    return LettuceSetup.clientOptions(settings);
  }

  /**
   * A new builder of client resources; whoever builds them shuts them down.
   *
   * @return a builder set up with the reconnect backoff (capped at
   *     {@code REDIS_RECONNECT_MAX_DELAY}, default 1 s) and the quiet encoder
   */
  public ClientResources.Builder clientResources() {
    return LettuceSetup.clientResourcesBuilder(settings);
  }

  /**
   * The command timeout.
   *
   * @return {@code REDIS_COMMAND_TIMEOUT}, default 5 s
   */
  public Duration commandTimeout() {
    return settings.commandTimeout();
  }

  /**
   * The credentials, asked for on every connect; empty for a URL without a password.
   *
   * @return the provider {@link #redisUri()} uses; empty for a URL without a password
   */
  public Optional<RedisCredentialsProvider> credentials() {
    return Optional.ofNullable(auth);
  }

  /**
   * The config var the URL came from, like {@code REDIS_TLS_URL}.
   *
   * @return the var's name; not null in practice, as both factories read the URL from a var
   */
  public @Nullable String configVar() {
    return settings.url().configVar();
  }

  @Override
  public String toString() {
    return "LettuceSettings{" + settings.url().configVar() + ", " + settings.url().host() + ":"
        + settings.url().port() + (settings.useTls() ? ", tls" : "") + "}";
  }
}
