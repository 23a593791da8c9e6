package io.herokusdk.mail;

import io.herokusdk.core.Secret;
import io.herokusdk.mail.internal.BulkSender;
import io.herokusdk.mail.internal.EmailRules;
import io.herokusdk.mail.internal.HttpSettings;
import io.herokusdk.mail.internal.Retrier;
import io.herokusdk.mail.internal.SendGridBody;
import io.herokusdk.mail.internal.SendGridHttp;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Mailer} over SendGrid's v3 Mail Send API, using sendgrid-java with an HTTP client
 * this mailer owns. Thread-safe; {@link #close()} releases every connection and leaves no thread
 * behind. Usually made by {@link HerokuMail#fromEnv()}; build one directly with
 * {@code SendGridMailer.builder().apiKey(key).build()}.
 */
public final class SendGridMailer implements Mailer {
  private static final Logger LOG = LoggerFactory.getLogger(SendGridMailer.class);
  private static final String PROVIDER = "sendgrid";

  /** Where SendGrid's API is. */
  public enum Region {
    /** {@code api.sendgrid.com}. */
    GLOBAL("https://api.sendgrid.com"),
    /** {@code api.eu.sendgrid.com}, for EU-pinned subusers. */
    EU("https://api.eu.sendgrid.com");

    private final String url;

    Region(String url) {
      this.url = url;
    }

    /** The API's base URL. */
    public URI url() {
      return URI.create(url);
    }
  }

  private final Builder settings;
  private final SendGridHttp http;
  private final Retrier retrier;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SendGridMailer(Builder b) {
    this.settings = b.copy();
    URI endpoint = b.endpoint != null ? b.endpoint : b.region.url();
    this.http = new SendGridHttp(b.apiKey, b.apiKeyVar, endpoint,
        HttpSettings.defaults().withTimeouts(b.connectTimeout, b.readTimeout)
            .withProxy(b.proxyHost, b.proxyPort, b.proxyUser, b.proxyPassword),
        b.maxConnections);
    this.retrier = new Retrier(PROVIDER, b.retryPolicy, b.clock, b.sleeper);
  }

  /** Returns a new builder; {@link Builder#apiKey(Secret)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this mailer's settings, for a new mailer. */
  public Builder toBuilder() {
    return settings.copy();
  }

  @Override
  public SendResult send(Email email) {
    checkOpen();
    EmailRules.requireRecipients(email);
    SendResult result = retrier.run(
        () -> http.post(SendGridBody.single(email, settings.sandboxMode), settings.sandboxMode));
    LOG.debug("sendgrid accepted email to {} recipients (status {}, message id {})",
        email.recipientCount(), result.statusCode(), result.messageId());
    return result;
  }

  @Override
  public BulkResult sendBulk(Email content, List<BulkRecipient> recipients) {
    checkOpen();
    EmailRules.validateBulk(content, recipients);
    return BulkSender.send(recipients, EmailRules.MAX_RECIPIENTS_PER_REQUEST, chunk -> retrier.run(
        () -> http.post(SendGridBody.bulk(content, chunk, settings.sandboxMode),
            settings.sandboxMode)));
  }

  /** True if emails are only validated by SendGrid, not sent (sandbox mode). */
  public boolean sandboxMode() {
    return settings.sandboxMode;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        http.close();
      } catch (IOException e) {
        LOG.debug("closing the SendGrid HTTP client failed: {}", e.toString());
      }
    }
  }

  private void checkOpen() {
    if (closed.get()) throw new IllegalStateException("this SendGridMailer is closed");
  }

  /** Returns the endpoint and settings, never the API key. */
  @Override
  public String toString() {
    return "SendGridMailer{" + (settings.endpoint != null ? settings.endpoint : settings.region)
        + ", sandboxMode=" + settings.sandboxMode + ", " + settings.retryPolicy + "}";
  }

  /** Builds a {@link SendGridMailer}. */
  public static final class Builder {
    private Secret apiKey;
    private String apiKeyVar = "SENDGRID_API_KEY";
    private Region region = Region.GLOBAL;
    private URI endpoint;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private String proxyHost;
    private int proxyPort;
    private String proxyUser;
    private Secret proxyPassword;
    private int maxConnections = 10;
    private RetryPolicy retryPolicy = RetryPolicy.safe();
    private boolean sandboxMode;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.apiKey = apiKey;
      b.apiKeyVar = apiKeyVar;
      b.region = region;
      b.endpoint = endpoint;
      b.connectTimeout = connectTimeout;
      b.readTimeout = readTimeout;
      b.proxyHost = proxyHost;
      b.proxyPort = proxyPort;
      b.proxyUser = proxyUser;
      b.proxyPassword = proxyPassword;
      b.maxConnections = maxConnections;
      b.retryPolicy = retryPolicy;
      b.sandboxMode = sandboxMode;
      b.clock = clock;
      b.sleeper = sleeper;
      return b;
    }

    /** Sets the API key. Required. */
    public Builder apiKey(Secret apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
      return this;
    }

    /** Names the config var the key came from, for error messages. Default SENDGRID_API_KEY. */
    public Builder apiKeyVar(String name) {
      this.apiKeyVar = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /** Sets the API region. Default {@link Region#GLOBAL}. */
    public Builder region(Region region) {
      this.region = Objects.requireNonNull(region, "region == null");
      return this;
    }

    /**
     * Sends to this base URL instead of the region's, e.g. a fake server's
     * {@code http://127.0.0.1:PORT}. Plain {@code http} is allowed for tests.
     */
    public Builder endpoint(URI endpoint) {
      Objects.requireNonNull(endpoint, "endpoint == null");
      if (endpoint.getHost() == null
          || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
        throw new IllegalArgumentException("endpoint must be an http(s) URL with a host, like "
            + "https://api.sendgrid.com; got " + endpoint.getScheme() + "://" + endpoint.getHost());
      }
      this.endpoint = endpoint;
      return this;
    }

    /** Sets how long to wait for a connection. Default 10 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** Sets how long to wait for SendGrid's answer once the request is sent. Default 30 s. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
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

    /** Sets the size of the connection pool. Default 10. */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) throw new IllegalArgumentException("maxConnections must be >= 1");
      this.maxConnections = maxConnections;
      return this;
    }

    /** Sets when to retry. Default {@link RetryPolicy#safe()}. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /**
     * Turns on SendGrid's sandbox mode ({@code mail_settings.sandbox_mode}): SendGrid validates
     * each email and answers 200 without sending it.
     */
    public Builder sandboxMode(boolean sandboxMode) {
      this.sandboxMode = sandboxMode;
      return this;
    }

    /** Sets the clock used to read {@code X-RateLimit-Reset}. For tests. */
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
     * @throws IllegalStateException if no API key was set
     */
    public SendGridMailer build() {
      if (apiKey == null || apiKey.isEmpty()) {
        throw new IllegalStateException("SendGridMailer needs an API key: call apiKey(...)");
      }
      return new SendGridMailer(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be > 0");
      return d;
    }
  }
}
