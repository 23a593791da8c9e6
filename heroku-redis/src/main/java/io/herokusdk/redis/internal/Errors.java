package io.herokusdk.redis.internal;

import io.herokusdk.core.Redactor;
import io.herokusdk.redis.HerokuRedisException;
import io.herokusdk.redis.RedisAuthenticationException;
import io.herokusdk.redis.RedisUnavailableException;
import io.herokusdk.redis.TlsVerification;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * Turns Lettuce and JDK exceptions into the SDK's typed exceptions with messages that say what
 * went wrong and what to do, scrubbed of the password.
 *
 * <p>Failures are classified by exception type, never by message text: every "Redis is not
 * reachable right now" failure becomes a {@link RedisUnavailableException}, a rejected password
 * a {@link RedisAuthenticationException}. The one thing read from a message is the error code a
 * Redis error reply starts with ({@code WRONGPASS}, {@code NOAUTH}), which is how RESP names
 * server errors.
 */
public final class Errors {
  private final RedisSettings settings;
  private final @Nullable RedisAuth auth;
  private final Redactor redactor;

  /** {@code auth} is null for a URL without a password. */
  public Errors(RedisSettings settings, @Nullable RedisAuth auth) {
    this.settings = settings;
    this.auth = auth;
    this.redactor = Redactor.of().with(settings.url());
  }

  /** Scrubs secrets from arbitrary text. */
  public @Nullable String redact(@Nullable String text) {
    return redactor.redact(text);
  }

  /**
   * True if {@code failure} is, or was caused by, a {@code WRONGPASS} reply: wrong password, or
   * an ACL user the server does not know or has disabled.
   */
  public static boolean isPasswordRejected(Throwable failure) {
    return hasErrorCode(failure, "WRONGPASS");
  }

  /** For a failed connect: {@link RedisAuthenticationException} or {@link RedisUnavailableException}. */
  public HerokuRedisException connectFailed(Throwable failure) {
    Throwable cause = unwrap(failure);
    String what = "Could not connect to Redis at " + settings.describe() + ": ";
    if (isPasswordRejected(cause)) {
      return new RedisAuthenticationException(what + passwordRejectedHint() + " Cause: "
          + describe(cause), scrubbed(cause));
    }
    if (hasErrorCode(cause, "NOAUTH")) {
      return new RedisAuthenticationException(what + "the server requires a password and "
          + settings.configVar() + " has none. Use the full URL with its password: `heroku "
          + "config:get " + settings.configVar() + "`. Cause: " + describe(cause),
          scrubbed(cause));
    }
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
    } else {
      hint = "the connection failed. Check the server and the network.";
    }
    return new RedisUnavailableException(what + hint + " Cause: " + describe(cause),
        scrubbed(cause));
  }

  private String passwordRejectedHint() {
    String var = settings.configVar();
    String check = " Check that " + var + " holds the server's current URL (`heroku config:get "
        + var + "`).";
    String user = auth == null ? null : auth.urlUser().orElse(null);
    if (user == null) {
      return "the server rejected the password from " + var + " (WRONGPASS)." + check;
    }
    if (RedisAuth.LEGACY_HEROKU_USER.equals(user)) {
      return "the server rejected the password from " + var + " (WRONGPASS), both for user '"
          + user + "' and on its own (requirepass)." + check;
    }
    return "the server rejected user '" + user + "' with the password from " + var
        + " (WRONGPASS: wrong password, or no such enabled ACL user)." + check;
  }

  /** For a failure of {@code operation} on an open client. */
  public RuntimeException translate(String operation, Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof HerokuRedisException) return (HerokuRedisException) cause;
    if (cause instanceof RedisConnectionException) return connectFailed(cause);
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
    if (cause instanceof RedisLoadingException || cause instanceof RedisBusyException) {
      return new RedisUnavailableException(operation + " failed: Redis at "
          + settings.describe() + " is loading its data or busy running a script and answers "
          + "nothing else right now; retry later. Cause: " + describe(cause), scrubbed(cause));
    }
    if (cause instanceof RedisCommandExecutionException) {
      return new HerokuRedisException("Redis rejected " + operation + ": "
          + redact(cause.getMessage()), scrubbed(cause));
    }
    if (has(cause, IOException.class) || isConnectionStateFailure(cause)) {
      return new RedisUnavailableException(operation + " failed: Redis at "
          + settings.describe() + " is disconnected (the connection dropped or is being "
          + "re-established; " + whileDisconnected() + "). It reconnects in the background; "
          + "retry later. Cause: " + describe(cause), scrubbed(cause));
    }
    if (cause instanceof RedisException) {
      return new HerokuRedisException(operation + " failed: " + redact(cause.getMessage()),
          scrubbed(cause));
    }
    if (cause instanceof RuntimeException) return (RuntimeException) cause;
    if (cause instanceof Error) throw (Error) cause;
    return new HerokuRedisException(operation + " failed: " + describe(cause), scrubbed(cause));
  }

  /**
   * Lettuce's endpoint fails commands with its base {@link RedisException} itself (no subclass,
   * no cause) only for the connection's state: not connected (commands rejected), connection
   * closed or disconnected while the command was in flight, too many commands queued. Server
   * replies, timeouts and connect failures all have subclasses.
   */
  private static boolean isConnectionStateFailure(Throwable cause) {
    return cause.getClass() == RedisException.class && cause.getCause() == null;
  }

  private String whileDisconnected() {
    if (settings.failFast()) {
      return "while disconnected the client rejects commands instead of queueing them, "
          + SettingsResolver.FAIL_FAST + "=true";
    }
    return "at most " + settings.maxQueuedCommands() + " commands wait for the reconnect, "
        + SettingsResolver.MAX_QUEUED_COMMANDS;
  }

  /** A copy of {@code cause} as a plain exception with a scrubbed message and the same trace. */
  private @Nullable Throwable scrubbed(@Nullable Throwable cause) {
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

  /** True if a Redis error reply in the chain starts with {@code code}, e.g. WRONGPASS. */
  private static boolean hasErrorCode(Throwable failure, String code) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof RedisCommandExecutionException && t.getMessage() != null
          && (t.getMessage().equals(code) || t.getMessage().startsWith(code + " "))) {
        return true;
      }
    }
    return false;
  }

  /** Carries a scrubbed message of a library exception; its class name is in the message. */
  static final class ScrubbedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ScrubbedException(String message, @Nullable Throwable cause) {
      super(message, cause);
    }
  }
}
