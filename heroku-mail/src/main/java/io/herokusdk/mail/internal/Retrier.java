package io.herokusdk.mail.internal;

import io.herokusdk.mail.DeliveryUnknownException;
import io.herokusdk.mail.MailNotSentException;
import io.herokusdk.mail.MailRateLimitedException;
import io.herokusdk.mail.MailRetryPolicy;
import io.herokusdk.mail.SendResult;
import io.herokusdk.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs attempts under a {@link MailRetryPolicy}. Not API. */
public final class Retrier {
  private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

  private final String provider;
  private final MailRetryPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;

  /** Creates a retrier for the transport named {@code provider}. */
  public Retrier(String provider, MailRetryPolicy policy, Clock clock, Sleeper sleeper) {
    this.provider = Objects.requireNonNull(provider);
    this.policy = Objects.requireNonNull(policy);
    this.clock = Objects.requireNonNull(clock);
    this.sleeper = Objects.requireNonNull(sleeper);
  }

  /** Runs {@code attempt} until it is accepted, refused, or the policy gives up. */
  public SendResult run(Supplier<Outcome> attempt) {
    for (int n = 1; ; n++) {
      Outcome outcome = attempt.get();
      boolean last = n >= policy.maxAttempts();
      if (outcome instanceof Outcome.Accepted a) {
        return new SendResult(provider, a.statusCode(), a.messageId(), n, a.sandbox());
      }
      if (outcome instanceof Outcome.Rejected r) {
        throw r.error();
      }
      Duration wait;
      if (outcome instanceof Outcome.RateLimited limited) {
        Instant resetAt = limited.resetAt();
        if (resetAt != null) {
          wait = Duration.between(clock.instant(), resetAt);
          if (wait.isNegative()) wait = Duration.ZERO;
          if (wait.compareTo(policy.maxRateLimitWait()) > 0) {
            throw new MailRateLimitedException(provider + " answered 429 Too Many Requests; the "
                + "limit resets at " + resetAt + ", " + wait.toSeconds() + " s from now, which "
                + "is more than the retry policy's maxRateLimitWait of "
                + policy.maxRateLimitWait().toSeconds() + " s. The email was not sent.", resetAt);
          }
        } else {
          wait = policy.backoff().delayForAttempt(n);
        }
        if (last) {
          throw new MailRateLimitedException(provider + " answered 429 Too Many Requests on all "
              + n + " attempts. The email was not sent.", resetAt);
        }
        LOG.warn("{} rate limited (429, attempt {} of {}); retrying in {} ms", provider, n,
            policy.maxAttempts(), wait.toMillis());
        sleep(wait, () -> new MailRateLimitedException(provider + " answered 429; interrupted "
            + "while waiting to retry. The email was not sent.", resetAt));
      } else if (outcome instanceof Outcome.NotSent notSent) {
        if (last) {
          throw new MailNotSentException(provider + ": " + notSent.description() + " (" + n
              + (n == 1 ? " attempt" : " attempts") + "). Nothing was sent; it is safe to try "
              + "again.", notSent.cause());
        }
        wait = policy.backoff().delayForAttempt(n);
        LOG.warn("{}: {} (attempt {} of {}); nothing was sent, retrying in {} ms", provider,
            notSent.description(), n, policy.maxAttempts(), wait.toMillis());
        sleep(wait, () -> new MailNotSentException(provider + ": " + notSent.description()
            + "; interrupted while waiting to retry. Nothing was sent.", notSent.cause()));
      } else {
        Outcome.Unknown unknown = (Outcome.Unknown) outcome;
        if (!policy.retryWhenDeliveryUnknown() || last) {
          throw deliveryUnknown(unknown, n);
        }
        wait = policy.backoff().delayForAttempt(n);
        LOG.warn("{}: {} (attempt {} of {}); delivery unknown, retrying in {} ms because the "
            + "retry policy is at-least-once", provider, unknown.description(), n,
            policy.maxAttempts(), wait.toMillis());
        int attempts = n;
        sleep(wait, () -> deliveryUnknown(unknown, attempts));
      }
    }
  }

  private DeliveryUnknownException deliveryUnknown(Outcome.Unknown unknown, int attempts) {
    return new DeliveryUnknownException(provider + ": " + unknown.description() + " after the "
        + "request was sent (" + attempts + (attempts == 1 ? " attempt" : " attempts")
        + "). The email may or may not have been accepted; it was not retried automatically "
        + "because that could send it twice. Check the provider's activity feed before "
        + "sending again, or use MailRetryPolicy.atLeastOnce().", unknown.statusCode(),
        unknown.cause());
  }

  private void sleep(Duration wait, Supplier<RuntimeException> onInterrupt) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw onInterrupt.get();
    }
  }
}
