package io.herokusdk.examples.springboot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The app's own settings, {@code signup.*} in {@code application.properties}, where each is
 * mapped from its config var ({@code SIGNUP_RATE_LIMIT}, ...). The SDK modules read theirs
 * themselves.
 *
 * @param rateLimit sign-ups allowed per client IP per window ({@code SIGNUP_RATE_LIMIT})
 * @param rateWindow the sliding rate-limit window ({@code SIGNUP_RATE_WINDOW})
 * @param trustForwardedFor take the client IP from the last {@code X-Forwarded-For} entry
 *     ({@code TRUST_X_FORWARDED_FOR}); null: only on a dyno, see {@link #trustsForwardedFor()}
 * @param dyno {@code DYNO}, set by Heroku on every dyno; empty elsewhere
 * @param userCacheTtl how long {@code GET /users/{id}} answers stay cached ({@code USER_CACHE_TTL})
 * @param mailFrom the welcome email's sender ({@code MAIL_FROM})
 * @param emailMaxAttempts deliveries of one welcome email before the dead-letter list ({@code
 *     EMAIL_MAX_ATTEMPTS})
 * @param emailRetryDelay wait before a failed email is retried: the queue's visibility timeout,
 *     so it must exceed one send ({@code EMAIL_RETRY_DELAY})
 * @param worker whether this process consumes the welcome-email queue (profile {@code worker})
 */
@ConfigurationProperties("signup")
public record SignupProperties(
    @DefaultValue("10") int rateLimit,
    @DefaultValue("1m") Duration rateWindow,
    Boolean trustForwardedFor,
    @DefaultValue("") String dyno,
    @DefaultValue("5m") Duration userCacheTtl,
    @DefaultValue("hello@example.com") String mailFrom,
    @DefaultValue("5") int emailMaxAttempts,
    @DefaultValue("60s") Duration emailRetryDelay,
    @DefaultValue("false") boolean worker) {

  /**
   * Whether the last {@code X-Forwarded-For} entry is the client: {@code TRUST_X_FORWARDED_FOR},
   * else true on a dyno (Heroku's router appends it) and false elsewhere (anyone could send it).
   */
  public boolean trustsForwardedFor() {
    return trustForwardedFor != null ? trustForwardedFor : !dyno.isBlank();
  }

  /** Checks the ranges, so a bad config var stops the process at start-up naming it. */
  public SignupProperties {
    if (rateLimit < 1) throw new IllegalArgumentException("SIGNUP_RATE_LIMIT must be at least 1");
    if (rateWindow.isZero() || rateWindow.isNegative()) {
      throw new IllegalArgumentException("SIGNUP_RATE_WINDOW must be longer than zero");
    }
    if (userCacheTtl.isZero() || userCacheTtl.isNegative()) {
      throw new IllegalArgumentException("USER_CACHE_TTL must be longer than zero");
    }
    if (emailMaxAttempts < 1 || emailMaxAttempts > 100) {
      throw new IllegalArgumentException("EMAIL_MAX_ATTEMPTS must be between 1 and 100");
    }
    if (emailRetryDelay.isZero() || emailRetryDelay.isNegative()) {
      throw new IllegalArgumentException("EMAIL_RETRY_DELAY must be longer than zero");
    }
  }
}
