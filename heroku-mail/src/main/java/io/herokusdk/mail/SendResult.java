package io.herokusdk.mail;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The provider accepted an email for delivery (queued, not yet delivered).
 *
 * @param provider which transport sent it: {@code sendgrid}, {@code mailgun}, {@code console} or
 *     {@code in-memory}
 * @param statusCode the HTTP status: 202 (SendGrid), 200 (SendGrid sandbox mode, Mailgun), or 0
 *     for transports without HTTP
 * @param messageId the provider's message id (SendGrid {@code X-Message-Id}, Mailgun {@code
 *     id}), or null if it gave none (SendGrid sandbox mode gives none)
 * @param attempts how many requests it took, counting retries
 * @param sandbox true if the provider only validated it and sent nothing (sandbox/test mode)
 */
public record SendResult(
    String provider, int statusCode, @Nullable String messageId, int attempts, boolean sandbox) {
  /**
   * Checks that {@code provider} is not null.
   *
   * @param provider {@code sendgrid}, {@code mailgun}, {@code console} or {@code in-memory}; not
   *     null
   * @param statusCode the HTTP status, or 0 for transports without HTTP
   * @param messageId the provider's message id, or null if it gave none
   * @param attempts how many requests it took, counting retries; at least 1
   * @param sandbox true if the provider only validated it and sent nothing
   */
  public SendResult {
    Objects.requireNonNull(provider, "provider == null");
  }

  /**
   * The provider's message id, if it gave one.
   *
   * @return {@link #messageId()}, or empty in SendGrid's sandbox mode or if the provider gave none
   */
  public Optional<String> messageIdIfPresent() {
    return Optional.ofNullable(messageId);
  }
}
