package io.herokusdk.examples.signup;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.core.InvalidConfigVarException;
import java.time.Duration;
import java.util.Objects;

/**
 * The app's own settings, read from config vars (the SDK modules read theirs themselves).
 *
 * @param port {@code PORT}: where the web process listens (Heroku sets it; default 5000)
 * @param signupLimit {@code SIGNUP_RATE_LIMIT}: signups allowed per client IP per window (10)
 * @param signupWindow {@code SIGNUP_RATE_WINDOW}: the rate-limit window (1m)
 * @param trustForwardedFor {@code TRUST_X_FORWARDED_FOR}: take the client IP from the last
 *     {@code X-Forwarded-For} entry; default true on a dyno ({@code DYNO} set), where Heroku's
 *     router appends it, false elsewhere, where any client could send the header
 * @param userCacheTtl {@code USER_CACHE_TTL}: how long {@code GET /users/{id}} answers are cached
 *     (5m)
 * @param mailFrom {@code MAIL_FROM}: the welcome email's sender (hello@example.com)
 * @param emailMaxAttempts {@code EMAIL_MAX_ATTEMPTS}: deliveries of one welcome email before it
 *     goes to the dead-letter list (5)
 * @param emailRetryDelay {@code EMAIL_RETRY_DELAY}: how long a failed email waits before its next
 *     attempt; it is the work queue's visibility timeout, so it must exceed one send (60s)
 * @param retention {@code DATA_RETENTION}: the cleanup job deletes delivery records older than
 *     this (30d)
 * @param emailRequeueAfter {@code EMAIL_REQUEUE_AFTER}: the re-queue job queues a welcome email
 *     again when it is still unsettled this long after it was queued; it must exceed {@code
 *     EMAIL_RETRY_DELAY × EMAIL_MAX_ATTEMPTS}, the longest the queue can still be working on it
 *     (default: twice that, 10m)
 */
public record AppSettings(
    int port,
    int signupLimit,
    Duration signupWindow,
    boolean trustForwardedFor,
    Duration userCacheTtl,
    String mailFrom,
    int emailMaxAttempts,
    Duration emailRetryDelay,
    Duration retention,
    Duration emailRequeueAfter) {

  /** Checks ranges. */
  public AppSettings {
    Objects.requireNonNull(signupWindow, "signupWindow == null");
    Objects.requireNonNull(userCacheTtl, "userCacheTtl == null");
    Objects.requireNonNull(mailFrom, "mailFrom == null");
    Objects.requireNonNull(emailRetryDelay, "emailRetryDelay == null");
    Objects.requireNonNull(retention, "retention == null");
    Objects.requireNonNull(emailRequeueAfter, "emailRequeueAfter == null");
  }

  /**
   * Reads the settings from {@code config}.
   *
   * @throws InvalidConfigVarException naming the var when a value is unusable
   */
  public static AppSettings from(ConfigVars config) {
    int maxAttempts = range(config, "EMAIL_MAX_ATTEMPTS", 5, 1, 100);
    Duration retryDelay = positive(config, "EMAIL_RETRY_DELAY", Duration.ofSeconds(60));
    return new AppSettings(
        range(config, "PORT", 5000, 0, 65535),
        range(config, "SIGNUP_RATE_LIMIT", 10, 1, Integer.MAX_VALUE),
        positive(config, "SIGNUP_RATE_WINDOW", Duration.ofMinutes(1)),
        config.getBoolean("TRUST_X_FORWARDED_FOR").orElse(config.get("DYNO").isPresent()),
        positive(config, "USER_CACHE_TTL", Duration.ofMinutes(5)),
        config.get("MAIL_FROM").orElse("hello@example.com"),
        maxAttempts,
        retryDelay,
        positive(config, "DATA_RETENTION", Duration.ofDays(30)),
        requeueAfter(config, retryDelay.multipliedBy(maxAttempts)));
  }

  /** {@code EMAIL_REQUEUE_AFTER}: longer than {@code inFlight}; by default twice as long. */
  private static Duration requeueAfter(ConfigVars config, Duration inFlight) {
    Duration value = config.getDuration("EMAIL_REQUEUE_AFTER").orElse(inFlight.multipliedBy(2));
    if (value.compareTo(inFlight) <= 0) {
      throw new InvalidConfigVarException("EMAIL_REQUEUE_AFTER", "EMAIL_REQUEUE_AFTER must be"
          + " longer than EMAIL_RETRY_DELAY × EMAIL_MAX_ATTEMPTS (" + inFlight + "), the longest"
          + " the queue may still be working on an email; it is " + value + ".");
    }
    return value;
  }

  private static int range(ConfigVars config, String name, int fallback, int min, int max) {
    int value = config.getInt(name, fallback);
    if (value < min || value > max) {
      throw new InvalidConfigVarException(name,
          name + " must be between " + min + " and " + max + "; it is " + value + ".");
    }
    return value;
  }

  private static Duration positive(ConfigVars config, String name, Duration fallback) {
    Duration value = config.getDuration(name).orElse(fallback);
    if (value.isZero()) {
      throw new InvalidConfigVarException(name, name + " must be longer than zero.");
    }
    return value;
  }
}
