package io.herokusdk.mail.internal;

import io.herokusdk.mail.MailException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What one HTTP attempt came to, as the {@link Retrier} sees it. Not API. */
public sealed interface Outcome {
  /** 2xx: accepted. */
  record Accepted(int statusCode, @Nullable String messageId, boolean sandbox) implements Outcome {}

  /** 429: rate limited; {@code resetAt} is null when the provider did not say. */
  record RateLimited(@Nullable Instant resetAt) implements Outcome {}

  /** Nothing was written (connect, DNS, TLS handshake failure). */
  record NotSent(String description, @Nullable Exception cause) implements Outcome {}

  /** Written, then no definite answer: 5xx ({@code statusCode}) or an I/O failure (0). */
  record Unknown(String description, int statusCode,
      @Nullable Exception cause) implements Outcome {}

  /** A definite refusal, never retried. */
  record Rejected(MailException error) implements Outcome {}
}
