package io.herokusdk.redis.internal;

import io.herokusdk.redis.TlsVerification;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.MaintNotificationsConfig;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.SslVerifyMode;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** Builds Lettuce's {@link RedisURI} and {@link ClientOptions} from {@link RedisSettings}. */
public final class LettuceSetup {
  /** Idle time before the first TCP keepalive probe; well under Heroku's 300 s idle timeout. */
  static final Duration KEEPALIVE_IDLE = Duration.ofSeconds(30);

  private LettuceSetup() {}

  /**
   * The URI Lettuce connects to; {@code auth} (null for a URL without password) supplies the
   * credentials on every connect and reconnect. Never log it.
   */
  public static RedisURI redisUri(RedisSettings settings, @Nullable RedisAuth auth) {
    RedisURI.Builder uri = RedisURI.builder()
        .withHost(settings.url().host())
        .withPort(settings.url().port())
        .withDatabase(settings.database())
        .withTimeout(settings.commandTimeout())
        .withSsl(settings.useTls());
    if (settings.useTls()) uri.withVerifyPeer(verifyMode(settings.tls().mode()));
    if (auth != null) uri.withAuthentication(auth);
    return uri.build();
  }

  /** The first reconnect waits about this long; each further attempt doubles it up to the cap. */
  static final Duration RECONNECT_BASE_DELAY = Duration.ofMillis(10);

  /**
   * Event loops, timers, an encoder that never logs what it sends (passwords included) and the
   * reconnect delay: exponential backoff from
   * {@link #RECONNECT_BASE_DELAY} capped at {@code reconnectMaxDelay}, each delay drawn between
   * half and all of its step (Lettuce's default backoff grows to 30 s, so after a long outage the
   * client would stay silent for many seconds after Redis is back).
   */
  public static ClientResources clientResources(RedisSettings settings) {
    return clientResourcesBuilder(settings).build();
  }

  /** {@link #clientResources} not built yet, for callers that add to it. */
  public static ClientResources.Builder clientResourcesBuilder(RedisSettings settings) {
    Duration cap = settings.reconnectMaxDelay();
    long base = Math.max(1, Math.min(RECONNECT_BASE_DELAY.toMillis(), cap.toMillis()));
    return DefaultClientResources.builder()
        .reconnectDelay(Delay.fullJitter(Duration.ZERO, cap, base, TimeUnit.MILLISECONDS))
        .nettyCustomizer(QuietCommandEncoder.CUSTOMIZER);
  }

  /** Options shared by every connection of the client. */
  public static ClientOptions clientOptions(RedisSettings settings) {
    SocketOptions socket = SocketOptions.builder()
        .connectTimeout(settings.connectTimeout())
        .keepAlive(SocketOptions.KeepAliveOptions.builder()
            .enable()
            .idle(KEEPALIVE_IDLE)
            .interval(Duration.ofSeconds(10))
            .count(3)
            .build())
        .build();
    ClientOptions.Builder options = ClientOptions.builder()
        .autoReconnect(true)
        // Lettuce issue #1526: a failed TLS handshake on reconnect must not stop reconnecting.
        .suspendReconnectOnProtocolFailure(false)
        .socketOptions(socket)
        // A command timeout measured from the write, so nothing waits forever.
        .timeoutOptions(TimeoutOptions.enabled())
        // Heroku's Redis and Valkey do not send Redis Enterprise maintenance events.
        .maintNotificationsConfig(MaintNotificationsConfig.disabled())
        .sslOptions(sslOptions(settings));
    if (settings.failFast()) {
      options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    } else {
      options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
          .requestQueueSize(settings.maxQueuedCommands());
    }
    return options.build();
  }

  private static SslOptions sslOptions(RedisSettings settings) {
    SslOptions.Builder ssl = SslOptions.builder()
        .jdkSslProvider()
        .handshakeTimeout(settings.connectTimeout());
    settings.tls().trustedPem().ifPresent(pem ->
        ssl.trustManager(Pem.trustManagerFactory(settings.tlsSettingFrom(), pem)));
    return ssl.build();
  }

  private static SslVerifyMode verifyMode(TlsVerification.Mode mode) {
    switch (mode) {
      case CA:
        return SslVerifyMode.CA;
      case FULL:
        return SslVerifyMode.FULL;
      default:
        return SslVerifyMode.NONE;
    }
  }
}
