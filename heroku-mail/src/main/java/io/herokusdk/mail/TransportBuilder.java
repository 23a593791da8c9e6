package io.herokusdk.mail;

import io.herokusdk.core.Sleeper;

import io.herokusdk.core.Secret;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The builder methods every HTTP mailer shares: API key, timeouts, proxy and retries. Package
 * private: its public methods show up on {@link SendGridMailer.Builder} and
 * {@link MailgunMailer.Builder}. Subclasses hold only immutable values (or primitives), so
 * {@link #copy()}, a shallow copy, is a full one.
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class TransportBuilder<B extends TransportBuilder<B>> implements Cloneable {
  /** The shared settings so far; immutable, so copies of a builder can share it. */
  private TransportOptions transport;

  TransportBuilder(TransportOptions transport) {
    this.transport = transport;
  }

  /** The shared settings so far. */
  final TransportOptions transport() {
    return transport;
  }

  /** This builder, as its own type. */
  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /** A copy of this builder, for a mailer to keep or for {@code toBuilder()}. */
  @SuppressWarnings("unchecked")
  final B copy() {
    try {
      return (B) super.clone();
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Checks a timeout before it is set; {@code name} is the setter's. By default only null is
   * refused.
   */
  Duration checkTimeout(Duration timeout, String name) {
    return Objects.requireNonNull(timeout, "timeout == null");
  }

  /**
   * Throws unless an API key is set.
   *
   * @throws IllegalStateException naming {@code mailer} if the key is missing or empty
   */
  final void requireApiKey(String mailer) {
    Secret key = transport.apiKey();
    if (key == null || key.isEmpty()) {
      throw new IllegalStateException(mailer + " needs an API key: call apiKey(...)");
    }
  }

  /**
   * Sets the API key. Required.
   *
   * @param apiKey the provider's API key; not null, and not empty when the mailer is built
   * @return this builder
   */
  public B apiKey(Secret apiKey) {
    transport = transport.withApiKey(apiKey);
    return self();
  }

  /**
   * Names the config var the key came from, for error messages. Default the provider's own,
   * {@code SENDGRID_API_KEY} or {@code MAILGUN_API_KEY}.
   *
   * @param name the config var's name, like {@code SENDGRID_API_KEY}; only used in messages
   * @return this builder
   */
  public B apiKeyVar(String name) {
    transport = transport.withApiKeyVar(name);
    return self();
  }

  /**
   * Sets how long to wait for a connection. Default 10 s.
   *
   * @param timeout how long to wait for a free connection slot, if all are in use, and then to
   *     connect; positive
   * @return this builder
   */
  public B connectTimeout(Duration timeout) {
    Duration checked = checkTimeout(timeout, "connectTimeout");
    transport = transport.withHttp(transport.http().withTimeouts(checked,
        transport.http().readTimeout()));
    return self();
  }

  /**
   * Sets how long to wait for the provider's answer once the request is sent. Default 30 s.
   *
   * @param timeout the longest silence allowed while writing the request or reading the answer (not
   *     a total); positive
   * @return this builder
   */
  public B readTimeout(Duration timeout) {
    Duration checked = checkTimeout(timeout, "readTimeout");
    transport = transport.withHttp(transport.http().withTimeouts(
        transport.http().connectTimeout(), checked));
    return self();
  }

  /**
   * Sends through this HTTP proxy.
   *
   * @param host the proxy's host name or IP address
   * @param port the proxy's port, like {@code 3128}
   * @return this builder
   */
  public B proxy(String host, int port) {
    Objects.requireNonNull(host, "host == null");
    var http = transport.http();
    transport = transport.withHttp(http.withProxy(host, port, http.proxyUser(),
        http.proxyPassword()));
    return self();
  }

  /**
   * Authenticates to the proxy with Basic auth.
   *
   * @param user the proxy user name; ignored unless {@link #proxy} is set
   * @param password the proxy password, sent only when the proxy asks (407)
   * @return this builder
   */
  public B proxyCredentials(String user, Secret password) {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(password, "password == null");
    var http = transport.http();
    transport = transport.withHttp(http.withProxy(http.proxyHost(), http.proxyPort(), user,
        password));
    return self();
  }

  /**
   * Sets when to retry. Default {@link MailRetryPolicy#safe()}.
   *
   * @param retryPolicy the policy; not null
   * @return this builder
   */
  public B retryPolicy(MailRetryPolicy retryPolicy) {
    transport = transport.withRetryPolicy(retryPolicy);
    return self();
  }

  /**
   * Sets the clock used to read rate-limit reset times ({@code Retry-After},
   * {@code X-RateLimit-Reset}). For tests.
   *
   * @param clock the clock that says what "now" is; default {@link Clock#systemUTC()}
   * @return this builder
   */
  public B clock(Clock clock) {
    transport = transport.withClock(clock);
    return self();
  }

  /**
   * Sets how to wait between retries. For tests.
   *
   * @param sleeper waits between retries; default {@link Sleeper#SYSTEM}
   * @return this builder
   */
  public B sleeper(Sleeper sleeper) {
    transport = transport.withSleeper(sleeper);
    return self();
  }
}
