package io.herokusdk.redis.internal;

import io.herokusdk.core.Secret;
import io.herokusdk.redis.TlsVerification;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.MaintNotificationsConfig;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.SslVerifyMode;
import io.lettuce.core.TimeoutOptions;
import java.time.Duration;

/** Builds Lettuce's {@link RedisURI} and {@link ClientOptions} from {@link RedisSettings}. */
public final class LettuceSetup {
  /** Idle time before the first TCP keepalive probe; well under Heroku's 300 s idle timeout. */
  static final Duration KEEPALIVE_IDLE = Duration.ofSeconds(30);

  private LettuceSetup() {}

  /** The URI Lettuce connects to; it holds the password, so never log it. */
  public static RedisURI redisUri(RedisSettings settings) {
    RedisURI.Builder uri = RedisURI.builder()
        .withHost(settings.url().host())
        .withPort(settings.url().port())
        .withDatabase(settings.database())
        .withTimeout(settings.commandTimeout())
        .withSsl(settings.useTls());
    if (settings.useTls()) uri.withVerifyPeer(verifyMode(settings.tls().mode()));
    if (settings.url().password().isPresent()) {
      char[] password = settings.url().password().map(Secret::reveal).orElseThrow().toCharArray();
      if (settings.url().user().isPresent()) {
        uri.withAuthentication(settings.url().user().get(), password);
      } else {
        uri.withPassword(password);
      }
    }
    return uri.build();
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
