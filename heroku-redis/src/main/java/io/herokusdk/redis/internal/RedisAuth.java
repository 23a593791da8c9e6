package io.herokusdk.redis.internal;

import io.herokusdk.core.Secret;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credentials of one client and the Redis auth rule: the URL's user and password are sent
 * as they are ({@code HELLO 3 AUTH user password}, or {@code AUTH} on RESP2), except that when
 * the user is {@code h} (Heroku's older {@code redis://h:PASSWORD@host:port} URLs) and the
 * server answers {@code WRONGPASS}, the password alone is tried once (what a server with only
 * {@code requirepass} accepts). If that works, this client uses the password alone from then on
 * — on every connection and reconnect — because Lettuce asks this provider on each handshake.
 * If it is rejected too, connecting fails with the password rejected; nothing is retried again.
 */
public final class RedisAuth implements RedisCredentialsProvider.ImmediateRedisCredentialsProvider {
  /** The placeholder user of Heroku's older Redis URLs; never a real ACL user on Heroku. */
  public static final String LEGACY_HEROKU_USER = "h";

  private static final Logger log = LoggerFactory.getLogger(RedisAuth.class);

  private final @Nullable String user;
  private final Secret password;
  private final String configVar;
  private volatile boolean passwordOnly;

  /** Credentials from {@code settings}' URL; null if the URL has no password. */
  public static @Nullable RedisAuth of(RedisSettings settings) {
    return settings.url().password()
        .map(password -> new RedisAuth(settings.url().user().orElse(null), password,
            settings.configVar()))
        .orElse(null);
  }

  private RedisAuth(@Nullable String user, Secret password, String configVar) {
    this.user = user == null || user.isEmpty() ? null : user;
    this.password = password;
    this.configVar = configVar;
  }

  /** The user and password to send now; Lettuce calls this on every connect and reconnect. */
  @Override
  public RedisCredentials resolveCredentialsNow() {
    return RedisCredentials.just(passwordOnly ? null : user, password.reveal().toCharArray());
  }

  /**
   * Runs {@code connect} and applies the auth rule: on {@code WRONGPASS} for user {@code h},
   * switches to the password alone and runs {@code connect} once more.
   */
  public <T> T connect(Supplier<T> connect) {
    try {
      return connect.get();
    } catch (RuntimeException e) {
      if (passwordOnly || !LEGACY_HEROKU_USER.equals(user) || !Errors.isPasswordRejected(e)) {
        throw e;
      }
      passwordOnly = true;
      log.info("{} names user '{}' (Heroku's older URL form), which this Redis does not know; "
          + "authenticating with the password alone from now on", configVar, user);
      return connect.get();
    }
  }

  /** The ACL user sent with the password, if any (none once the password alone is used). */
  public Optional<String> effectiveUser() {
    return Optional.ofNullable(passwordOnly ? null : user);
  }

  /** The user named in the URL, if any. */
  public Optional<String> urlUser() {
    return Optional.ofNullable(user);
  }

  /** True once the rule switched to the password alone. */
  public boolean passwordOnly() {
    return passwordOnly;
  }

  /** Shows the user and the mode, never the password. */
  @Override
  public String toString() {
    return "RedisAuth{user=" + user + (passwordOnly ? ", password only" : "") + "}";
  }
}
