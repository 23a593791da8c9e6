package io.herokusdk.mail;

import io.herokusdk.core.Secret;
import io.herokusdk.mail.internal.EmailRules;
import io.herokusdk.mail.internal.Outcome;
import io.herokusdk.mail.internal.SendGridBody;
import io.herokusdk.mail.internal.SendGridHttp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Mailer} over SendGrid's v3 Mail Send API ({@code POST /v3/mail/send}, JSON body), on
 * an OkHttp client this mailer owns. Thread-safe; {@link #close()} releases every connection and leaves no thread
 * behind. Usually made by {@link HerokuMail#fromEnv()}; build one directly with
 * {@code SendGridMailer.builder().apiKey(key).build()}.
 */
public final class SendGridMailer extends HttpMailer {
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

    /**
     * The API's base URL.
     *
     * @return {@code https://api.sendgrid.com} or {@code https://api.eu.sendgrid.com}
     */
    public URI url() {
      return URI.create(url);
    }
  }

  private final Builder settings;
  private final SendGridHttp http;

  private SendGridMailer(Builder b) {
    super("SendGridMailer", PROVIDER, b.transport());
    this.settings = b.copy();
    URI endpoint = b.endpoint != null ? b.endpoint : b.region.url();
    TransportOptions t = b.transport();
    Secret apiKey = Objects.requireNonNull(t.apiKey(), "build() checked the API key");
    this.http = new SendGridHttp(apiKey, t.apiKeyVar(), endpoint, t.http(), b.maxConnections);
  }

  /**
   * Returns a new builder; {@link Builder#apiKey(Secret)} is required.
   *
   * @return a new builder for {@link Region#GLOBAL}, with sandbox mode off
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this mailer's settings, for a new mailer.
   *
   * @return a new builder; changing it leaves this mailer as it is
   */
  public Builder toBuilder() {
    return settings.copy();
  }

  @Override
  public SendResult send(Email email) {
    SendResult result = super.send(email);
    LOG.debug("sendgrid accepted email to {} recipients (status {}, message id {})",
        email.recipientCount(), result.statusCode(), result.messageId());
    return result;
  }

  @Override
  Outcome post(Email email, @Nullable List<BulkRecipient> chunk) {
    boolean sandbox = SendGridBody.sandbox(email, settings.sandboxMode);
    String body = chunk == null ? SendGridBody.single(email, settings.sandboxMode)
        : SendGridBody.bulk(email, chunk, settings.sandboxMode);
    EmailRules.checkBodySize(chunk == null ? "attachments" : "recipients",
        body.getBytes(StandardCharsets.UTF_8).length);
    return http.post(body, sandbox);
  }

  /**
   * True if emails are only validated by SendGrid, not sent (sandbox mode).
   *
   * @return the builder's setting; an email's own {@link MailSettings#sandboxMode()} can still turn
   *     sandbox mode on for that email
   */
  public boolean sandboxMode() {
    return settings.sandboxMode;
  }

  @Override
  void release() {
    http.close();
  }

  /** Returns the endpoint and settings, never the API key. */
  @Override
  public String toString() {
    return "SendGridMailer{" + (settings.endpoint != null ? settings.endpoint : settings.region)
        + ", sandboxMode=" + settings.sandboxMode + ", " + settings.transport().retryPolicy() + "}";
  }

  /**
   * Builds a {@link SendGridMailer}. The API key's config var defaults to
   * {@code SENDGRID_API_KEY}; timeouts must be greater than zero.
   */
  public static final class Builder extends TransportBuilder<Builder> {
    private Region region = Region.GLOBAL;
    private @Nullable URI endpoint;
    private int maxConnections = 10;
    private boolean sandboxMode;

    private Builder() {
      super(TransportOptions.defaults("SENDGRID_API_KEY"));
    }

    /** Refuses a null, zero or negative timeout. */
    @Override
    Duration checkTimeout(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be > 0");
      return d;
    }

    /**
     * Sets the API region. Default {@link Region#GLOBAL}.
     *
     * @param region {@link Region#EU} for EU-pinned subusers; ignored if an {@link #endpoint} is
     *     set
     * @return this builder
     */
    public Builder region(Region region) {
      this.region = Objects.requireNonNull(region, "region == null");
      return this;
    }

    /**
     * Sends to this base URL instead of the region's, e.g. a fake server's
     * {@code http://127.0.0.1:PORT}. Plain {@code http} is allowed for tests.
     *
     * @param endpoint an http or https URL with a host; requests go to its {@code /v3/mail/send},
     *     whatever its path
     * @return this builder
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

    /**
     * Sets the size of the connection pool. Default 10.
     *
     * @param maxConnections how many requests may be in flight at once, and how many idle
     *     connections are kept; at least 1
     * @return this builder
     */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) throw new IllegalArgumentException("maxConnections must be >= 1");
      this.maxConnections = maxConnections;
      return this;
    }

    /**
     * Turns on SendGrid's sandbox mode ({@code mail_settings.sandbox_mode}): SendGrid validates
     * each email and answers 200 without sending it.
     *
     * @param sandboxMode true to only validate emails; default false
     * @return this builder
     */
    public Builder sandboxMode(boolean sandboxMode) {
      this.sandboxMode = sandboxMode;
      return this;
    }

    /**
     * Returns the mailer.
     *
     * @return a new mailer; close it when done
     * @throws IllegalStateException if no API key was set
     */
    public SendGridMailer build() {
      requireApiKey("SendGridMailer");
      return new SendGridMailer(this);
    }
  }
}
