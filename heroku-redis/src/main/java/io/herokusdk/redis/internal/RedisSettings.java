package io.herokusdk.redis.internal;

import io.herokusdk.core.ServiceUrl;
import io.herokusdk.redis.TlsVerification;
import java.time.Duration;

/**
 * Everything needed to connect, resolved from the builder, config vars and defaults.
 *
 * @param url the parsed URL; its password is a {@code Secret}
 * @param configVar the config var {@code url} came from
 * @param tlsSettingFrom which config var or builder call chose {@code tls}, for error messages
 * @param reconnectMaxDelay the longest wait between two reconnect attempts
 */
public record RedisSettings(
    ServiceUrl url,
    String configVar,
    int database,
    TlsVerification tls,
    String tlsSettingFrom,
    Duration connectTimeout,
    Duration commandTimeout,
    int poolSize,
    boolean failFast,
    int maxQueuedCommands,
    String keyPrefix,
    Duration reconnectMaxDelay) {

  /** True for {@code rediss://}. */
  public boolean useTls() {
    return url.scheme().equalsIgnoreCase("rediss");
  }

  /** Returns {@code host:port} with no credentials, e.g. for error messages. */
  public String endpoint() {
    return url.hostForUrl() + ":" + url.port();
  }

  /** Describes the target without secrets: {@code host:port/db over TLS (from REDIS_URL)}. */
  public String describe() {
    return endpoint() + "/" + database + (useTls() ? " over TLS" : "") + " (from " + configVar
        + ")";
  }

  @Override
  public String toString() {
    return "RedisSettings{" + describe() + ", tls=" + tls + ", connectTimeout=" + connectTimeout
        + ", commandTimeout=" + commandTimeout + ", poolSize=" + poolSize + ", failFast="
        + failFast + ", maxQueuedCommands=" + maxQueuedCommands + ", keyPrefix='" + keyPrefix
        + "', reconnectMaxDelay=" + reconnectMaxDelay + "}";
  }
}
