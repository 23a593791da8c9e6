package io.herokusdk.mail;

import io.herokusdk.core.Sleeper;

import io.herokusdk.core.Secret;
import io.herokusdk.mail.internal.HttpSettings;
import io.herokusdk.mail.internal.Retrier;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The settings every HTTP mailer shares: API key, connection settings and retries. Immutable;
 * each {@code with...} method returns a changed copy.
 *
 * @param apiKey the provider's API key, or null while unset
 * @param apiKeyVar the config var the key came from, for error messages
 * @param http timeouts and proxy
 * @param retryPolicy when to retry
 * @param clock the clock used to read rate-limit reset times
 * @param sleeper how to wait between retries
 */
record TransportOptions(@Nullable Secret apiKey, String apiKeyVar, HttpSettings http,
    MailRetryPolicy retryPolicy, Clock clock, Sleeper sleeper) {

  /** No key, the default connection settings and {@link MailRetryPolicy#safe()}. */
  static TransportOptions defaults(String apiKeyVar) {
    return new TransportOptions(null, apiKeyVar, HttpSettings.defaults(), MailRetryPolicy.safe(),
        Clock.systemUTC(), Sleeper.SYSTEM);
  }

  TransportOptions withApiKey(Secret key) {
    return new TransportOptions(Objects.requireNonNull(key, "apiKey == null"), apiKeyVar, http,
        retryPolicy, clock, sleeper);
  }

  TransportOptions withApiKeyVar(String name) {
    return new TransportOptions(apiKey, Objects.requireNonNull(name, "name == null"), http,
        retryPolicy, clock, sleeper);
  }

  TransportOptions withHttp(HttpSettings settings) {
    return new TransportOptions(apiKey, apiKeyVar, settings, retryPolicy, clock, sleeper);
  }

  TransportOptions withRetryPolicy(MailRetryPolicy policy) {
    return new TransportOptions(apiKey, apiKeyVar, http,
        Objects.requireNonNull(policy, "retryPolicy == null"), clock, sleeper);
  }

  TransportOptions withClock(Clock c) {
    return new TransportOptions(apiKey, apiKeyVar, http, retryPolicy,
        Objects.requireNonNull(c, "clock == null"), sleeper);
  }

  TransportOptions withSleeper(Sleeper s) {
    return new TransportOptions(apiKey, apiKeyVar, http, retryPolicy, clock,
        Objects.requireNonNull(s, "sleeper == null"));
  }

  /** A retrier for {@code provider} with these settings. */
  Retrier retrier(String provider) {
    return new Retrier(provider, retryPolicy, clock, sleeper);
  }

  /** Returns the settings without the API key. */
  @Override
  public String toString() {
    return "TransportOptions{apiKeyVar=" + apiKeyVar + ", " + http + ", " + retryPolicy + "}";
  }
}
