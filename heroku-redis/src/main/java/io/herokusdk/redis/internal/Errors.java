package io.herokusdk.redis.internal;

import io.herokusdk.core.Redactor;
import io.herokusdk.redis.HerokuRedisException;
import io.herokusdk.redis.RedisUnavailableException;
import io.herokusdk.redis.TlsVerification;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/**
 * Turns Lettuce and JDK exceptions into the SDK's typed exceptions with messages that say what
 * went wrong and what to do, scrubbed of the password.
 */
public final class Errors {
  private final RedisSettings settings;
  private final Redactor redactor;

  public Errors(RedisSettings settings) {
    this.settings = settings;
    this.redactor = Redactor.of().with(settings.url());
  }

  /** Scrubs secrets from arbitrary text. */
  public String redact(String text) {
    return redactor.redact(text);
  }

  /** For a failed initial connect. */
  public RedisUnavailableException connectFailed(Throwable failure) {
    Throwable cause = unwrap(failure);
    String what = "Could not connect to Redis at " + settings.describe() + ": ";
    String hint;
    if (has(cause, CertPathBuilderException.class) || has(cause, CertificateException.class)
        || (has(cause, SSLException.class) && settings.tls().mode() != TlsVerification.Mode.NONE)) {
      hint = "the server's TLS certificate was not accepted with verification mode "
          + settings.tls().mode() + " (set by " + settings.tlsSettingFrom() + "). Heroku "
          + "Key-Value Store uses self-signed, rotating certificates: leave verification at "
          + "none (the default), or trust the server's CA with " + SettingsResolver.TLS_CA_PEM
          + ".";
    } else if (has(cause, SSLException.class)) {
      hint = "the TLS handshake failed. Check that the server speaks TLS on this port "
          + "(rediss://) or use redis:// for a plain-text server.";
    } else if (has(cause, UnknownHostException.class)) {
      hint = "the host name does not resolve. Check " + settings.configVar()
          + " with `heroku config:get " + settings.configVar() + "`.";
    } else if (has(cause, ConnectException.class)) {
      hint = "the connection was refused. Is the server running and is the port right? On "
          + "Heroku, check `heroku redis:info`.";
    } else if (messageContains(cause, "WRONGPASS") || messageContains(cause, "NOAUTH")
        || messageContains(cause, "invalid password")) {
      hint = "the server rejected the credentials. Heroku rotates them: read "
          + settings.configVar() + " again (restart the dyno) rather than copying it.";
    } else {
      hint = "the connection failed. Check the server and the network.";
    }
    return new RedisUnavailableException(what + hint + " Cause: " + describe(cause),
        scrubbed(cause));
  }

  /** For a failure of {@code operation} on an open client. */
  public RuntimeException translate(String operation, Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof HerokuRedisException) return (HerokuRedisException) cause;
    if (cause instanceof RedisCommandTimeoutException) {
      return new RedisUnavailableException(operation + " on Redis at " + settings.describe()
          + " got no answer within the command timeout of " + settings.commandTimeout()
          + " (" + SettingsResolver.COMMAND_TIMEOUT + "). The server may be overloaded or the "
          + "network down; retry later.", scrubbed(cause));
    }
    if (cause instanceof RedisCommandInterruptedException) {
      Thread.currentThread().interrupt();
      return new HerokuRedisException(operation + " was interrupted.", scrubbed(cause));
    }
    if (cause instanceof RedisCommandExecutionException) {
      return new HerokuRedisException("Redis rejected " + operation + ": "
          + redact(cause.getMessage()), scrubbed(cause));
    }
    if (cause instanceof RedisConnectionException) return connectFailed(cause);
    if (cause instanceof RedisException) {
      String message = String.valueOf(cause.getMessage());
      if (message.contains("Currently not connected")) {
        return new RedisUnavailableException(operation + " failed: Redis at "
            + settings.describe() + " is disconnected and the client rejects commands instead "
            + "of queueing them (" + SettingsResolver.FAIL_FAST + "=true). It reconnects in the "
            + "background; retry later.", scrubbed(cause));
      }
      if (message.contains("Request queue size exceeded")) {
        return new RedisUnavailableException(operation + " failed: more than "
            + settings.maxQueuedCommands() + " commands are waiting for Redis at "
            + settings.describe() + " (" + SettingsResolver.MAX_QUEUED_COMMANDS + "); retry "
            + "later.", scrubbed(cause));
      }
      if (message.contains("Connection closed") || message.contains("closed")) {
        return new RedisUnavailableException(operation + " failed: the connection to Redis at "
            + settings.describe() + " closed: " + redact(message), scrubbed(cause));
      }
      return new HerokuRedisException(operation + " failed: " + redact(message),
          scrubbed(cause));
    }
    if (cause instanceof RuntimeException) return (RuntimeException) cause;
    if (cause instanceof Error) throw (Error) cause;
    return new HerokuRedisException(operation + " failed: " + describe(cause), scrubbed(cause));
  }

  /** A copy of {@code cause} as a plain exception with a scrubbed message and the same trace. */
  private Throwable scrubbed(Throwable cause) {
    if (cause == null) return null;
    String message = cause.getClass().getName() + ": " + redact(cause.getMessage());
    RuntimeException copy = new ScrubbedException(message, scrubbed(cause.getCause()));
    copy.setStackTrace(cause.getStackTrace());
    return copy;
  }

  private String describe(Throwable cause) {
    StringBuilder out = new StringBuilder();
    Throwable current = cause;
    int depth = 0;
    while (current != null && depth++ < 4) {
      if (out.length() > 0) out.append(" <- ");
      out.append(current.getClass().getSimpleName());
      if (current.getMessage() != null) out.append(": ").append(redact(current.getMessage()));
      current = current.getCause();
    }
    return out.toString();
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  private static boolean has(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) return true;
    }
    return false;
  }

  private static boolean messageContains(Throwable failure, String text) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains(text)) return true;
    }
    return false;
  }

  /** Carries a scrubbed message of a library exception; its class name is in the message. */
  static final class ScrubbedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ScrubbedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
