package io.herokusdk.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.redis.HerokuRedisException;
import io.herokusdk.redis.RedisUnavailableException;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import java.io.IOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * The classification table, with the exception objects Lettuce 7 really raises (see
 * {@code DefaultEndpoint}, {@code CommandHandler.exceptionCaught}, {@code Exceptions.bubble}):
 * the type decides, whatever the message says.
 */
class ErrorsTest {
  private final Errors errors = new Errors(SettingsResolver.resolve(
      ConfigVars.of(Map.of("REDIS_URL", "rediss://:pw@redis.example.com:6380")),
      new SettingsResolver.Explicit(null, null, null, null, null, null, null, null, null)),
      null);

  private RuntimeException translate(Throwable failure) {
    return errors.translate("GET", failure);
  }

  @Test
  void everyConnectionLossIsRedisUnavailable() {
    // Lettuce's endpoint: commands in flight or queued when the connection drops or is closed,
    // commands rejected while disconnected, the request queue full.
    for (String message : new String[] {"Connection disconnected", "Connection closed",
        "Currently not connected. Commands are rejected.", "Request queue size exceeded: 2.",
        "anything Lettuce may say one day"}) {
      assertThat(translate(new RedisException(message))).as(message)
          .isInstanceOf(RedisUnavailableException.class)
          .hasMessageContaining("Redis at redis.example.com:6380/0 over TLS (from REDIS_URL) "
              + "is disconnected")
          .hasMessageContaining("REDIS_FAIL_FAST=true");
    }
    // An I/O failure completing the command in flight, as Exceptions.bubble wraps it.
    assertThat(translate(new RedisException(new SocketException("Connection reset"))))
        .isInstanceOf(RedisUnavailableException.class);
    assertThat(translate(new RedisException(new IOException("Connection reset by peer"))))
        .isInstanceOf(RedisUnavailableException.class);
    assertThat(translate(new CompletionException(new ClosedChannelException())))
        .isInstanceOf(RedisUnavailableException.class);
    assertThat(translate(new RedisCommandTimeoutException("Command timed out after 5 s")))
        .isInstanceOf(RedisUnavailableException.class)
        .hasMessageContaining("REDIS_COMMAND_TIMEOUT");
    assertThat(translate(new RedisLoadingException("LOADING Redis is loading the dataset")))
        .isInstanceOf(RedisUnavailableException.class);
    assertThat(translate(new RedisBusyException("BUSY Redis is busy running a script")))
        .isInstanceOf(RedisUnavailableException.class);
  }

  @Test
  void serverRepliesAndOtherFailuresAreNotUnavailable() {
    // An error reply stays a rejection even if its text talks about connections.
    assertThat(translate(new RedisCommandExecutionException("ERR Connection closed by script")))
        .isExactlyInstanceOf(HerokuRedisException.class)
        .hasMessageStartingWith("Redis rejected GET: ERR Connection closed by script");
    // A Lettuce exception of its own type wrapping something else is not a connection loss.
    assertThat(translate(new RedisException("Cannot parse", new IllegalStateException("x"))))
        .isExactlyInstanceOf(HerokuRedisException.class);
    IllegalArgumentException own = new IllegalArgumentException("bad key");
    assertThat(translate(own)).isSameAs(own);
  }
}
