package io.herokusdk.mail;

import io.herokusdk.core.Secret;
import io.herokusdk.mail.internal.BulkSender;
import io.herokusdk.mail.internal.EmailRules;
import io.herokusdk.mail.internal.HttpSettings;
import io.herokusdk.mail.internal.MailgunHttp;
import io.herokusdk.mail.internal.Retrier;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;

/**
 * A {@link Mailer} over Mailgun's {@code POST /v3/{domain}/messages} (multipart, Basic auth user
 * {@code api}), on OkHttp. Thread-safe; {@link #close()} releases its connections. Bulk sends
 * use Mailgun batch sending: up to 1000 {@code to} per request with {@code recipient-variables},
 * so each recipient gets a separate message.
 */
public final class MailgunMailer implements Mailer {
  private static final String PROVIDER = "mailgun";

  /** Where the Mailgun account lives. */
  public enum Region {
    /** {@code api.mailgun.net}. */
    US("https://api.mailgun.net"),
    /** {@code api.eu.mailgun.net}. */
    EU("https://api.eu.mailgun.net");

    private final String url;

    Region(String url) {
      this.url = url;
    }

    /** The API's base URL. */
    public String url() {
      return url;
    }
  }

  private final Builder settings;
  private final MailgunHttp http;
  private final Retrier retrier;
  private final AtomicBoolean closed = new AtomicBoolean();

  private MailgunMailer(Builder b) {
    this.settings = b.copy();
    HttpUrl base = HttpUrl.get(b.endpoint != null ? b.endpoint : b.region.url());
    this.http = new MailgunHttp(b.apiKey, b.apiKeyVar, base, b.domain,
        HttpSettings.defaults().withTimeouts(b.connectTimeout, b.readTimeout)
            .withProxy(b.proxyHost, b.proxyPort, b.proxyUser, b.proxyPassword), b.clock);
    this.retrier = new Retrier(PROVIDER, b.retryPolicy, b.clock, b.sleeper);
  }

  /** Returns a new builder; {@link Builder#apiKey} and {@link Builder#domain} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this mailer's settings. */
  public Builder toBuilder() {
    return settings.copy();
  }

  @Override
  public SendResult send(Email email) {
    checkOpen();
    EmailRules.requireRecipients(email);
    return retrier.run(() -> http.post(http.form(email, null, settings.testMode), settings.testMode));
  }

  @Override
  public BulkResult sendBulk(Email content, List<BulkRecipient> recipients) {
    checkOpen();
    EmailRules.validateBulk(content, recipients);
    return BulkSender.send(recipients, EmailRules.MAX_RECIPIENTS_PER_REQUEST, chunk ->
        retrier.run(() -> http.post(http.form(content, chunk, settings.testMode),
            settings.testMode)));
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) http.close();
  }

  private void checkOpen() {
    if (closed.get()) throw new IllegalStateException("this MailgunMailer is closed");
  }

  /** Returns the domain and endpoint, never the API key. */
  @Override
  public String toString() {
    return "MailgunMailer{domain=" + settings.domain + ", "
        + (settings.endpoint != null ? settings.endpoint : settings.region)
        + ", testMode=" + settings.testMode + ", " + settings.retryPolicy + "}";
  }

  /** Builds a {@link MailgunMailer}. */
  public static final class Builder {
    private Secret apiKey;
    private String apiKeyVar = "MAILGUN_API_KEY";
    private String domain;
    private Region region = Region.US;
    private String endpoint;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private String proxyHost;
    private int proxyPort;
    private String proxyUser;
    private Secret proxyPassword;
    private RetryPolicy retryPolicy = RetryPolicy.safe();
    private boolean testMode;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.apiKey = apiKey;
      b.apiKeyVar = apiKeyVar;
      b.domain = domain;
      b.region = region;
      b.endpoint = endpoint;
      b.connectTimeout = connectTimeout;
      b.readTimeout = readTimeout;
      b.proxyHost = proxyHost;
      b.proxyPort = proxyPort;
      b.proxyUser = proxyUser;
      b.proxyPassword = proxyPassword;
      b.retryPolicy = retryPolicy;
      b.testMode = testMode;
      b.clock = clock;
      b.sleeper = sleeper;
      return b;
    }

    /** Sets the API key (the Basic auth password; the user is {@code api}). Required. */
    public Builder apiKey(Secret apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
      return this;
    }

    /** Names the config var the key came from, for error messages. Default MAILGUN_API_KEY. */
    public Builder apiKeyVar(String name) {
      this.apiKeyVar = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /** Sets the sending domain, like {@code mg.example.com}. Required. */
    public Builder domain(String domain) {
      this.domain = Objects.requireNonNull(domain, "domain == null");
      return this;
    }

    /** Sets the account's region. Default {@link Region#US}. */
    public Builder region(Region region) {
      this.region = Objects.requireNonNull(region, "region == null");
      return this;
    }

    /** Sends to this base URL instead of the region's, e.g. a mock server's. */
    public Builder endpoint(String baseUrl) {
      if (HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl == null")) == null) {
        throw new IllegalArgumentException("endpoint must be an http(s) URL like "
            + "https://api.mailgun.net");
      }
      this.endpoint = baseUrl;
      return this;
    }

    /** Sets how long to wait for a connection. Default 10 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "timeout == null");
      return this;
    }

    /** Sets how long to wait for Mailgun's answer. Default 30 s. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Objects.requireNonNull(timeout, "timeout == null");
      return this;
    }

    /** Sends through this HTTP proxy. */
    public Builder proxy(String host, int port) {
      this.proxyHost = Objects.requireNonNull(host, "host == null");
      this.proxyPort = port;
      return this;
    }

    /** Authenticates to the proxy with Basic auth. */
    public Builder proxyCredentials(String user, Secret password) {
      this.proxyUser = Objects.requireNonNull(user, "user == null");
      this.proxyPassword = Objects.requireNonNull(password, "password == null");
      return this;
    }

    /** Sets when to retry. Default {@link RetryPolicy#safe()}. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /** Turns on Mailgun's test mode ({@code o:testmode=yes}): accepted but not delivered. */
    public Builder testMode(boolean testMode) {
      this.testMode = testMode;
      return this;
    }

    /** Sets the clock used for {@code Retry-After}. For tests. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Sets how to wait between retries. For tests. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * Returns the mailer.
     *
     * @throws IllegalStateException if the API key or domain is missing
     */
    public MailgunMailer build() {
      if (apiKey == null || apiKey.isEmpty()) {
        throw new IllegalStateException("MailgunMailer needs an API key: call apiKey(...)");
      }
      if (domain == null || domain.isBlank()) {
        throw new IllegalStateException("MailgunMailer needs a domain: call domain(...)");
      }
      return new MailgunMailer(this);
    }
  }
}
