package io.herokusdk.mail;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The provider answered 429 (too many requests) and the {@link MailRetryPolicy} gave up: the reset
 * time was further away than {@link MailRetryPolicy#maxRateLimitWait()}, or the attempts ran out. The
 * email was not sent; it is safe to send it again after {@link #retryAt()}.
 */
public final class MailRateLimitedException extends MailException {
  private static final long serialVersionUID = 1L;

  /** When the rate limit resets, or null if the provider did not say. */
  private final @Nullable Instant retryAt;

  /**
   * Creates the exception; {@code retryAt} may be null if the provider did not say.
   *
   * @param message what happened, naming the provider
   * @param retryAt when the provider's rate limit resets, or null
   */
  public MailRateLimitedException(String message, @Nullable Instant retryAt) {
    super(message, null);
    this.retryAt = retryAt;
  }

  /**
   * When the provider's rate limit resets ({@code X-RateLimit-Reset}; Mailgun's {@code
   * Retry-After} first), if it said.
   *
   * @return the reset time (Mailgun: from {@code Retry-After} if it sent one), or empty if the
   *     provider sent no usable reset time
   */
  public Optional<Instant> retryAt() {
    return Optional.ofNullable(retryAt);
  }
}
