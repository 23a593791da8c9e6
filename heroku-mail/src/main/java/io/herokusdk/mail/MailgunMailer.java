package io.herokusdk.mail;

import io.herokusdk.core.Secret;
import io.herokusdk.mail.internal.MailgunHttp;
import io.herokusdk.mail.internal.Outcome;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Mailer} over Mailgun's {@code POST /v3/{domain}/messages} (multipart, Basic auth user
 * {@code api}), on OkHttp. Thread-safe; {@link #close()} releases its connections. Bulk sends
 * use Mailgun batch sending: up to 1000 {@code to} per request with {@code recipient-variables},
 * so each recipient gets a separate message.
 */
public final class MailgunMailer extends HttpMailer {
  private static final String PROVIDER = "mailgun";
  /** Requests in flight at once; OkHttp's pool keeps as many idle connections. */
  private static final int MAX_CONNECTIONS = 10;

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

    /**
     * The API's base URL.
     *
     * @return {@code https://api.mailgun.net} or {@code https://api.eu.mailgun.net}
     */
    public String url() {
      return url;
    }
  }

  private final Builder settings;
  private final MailgunHttp http;

  private MailgunMailer(Builder b) {
    super("MailgunMailer", PROVIDER, b.transport());
    this.settings = b.copy();
    HttpUrl base = HttpUrl.get(b.endpoint != null ? b.endpoint : b.region.url());
    TransportOptions t = b.transport();
    Secret apiKey = Objects.requireNonNull(t.apiKey(), "build() checked the API key");
    String domain = Objects.requireNonNull(b.domain, "build() checked the domain");
    this.http = new MailgunHttp(apiKey, t.apiKeyVar(), base, domain, t.http(), MAX_CONNECTIONS,
        t.clock());
  }

  /**
   * Returns a new builder; {@link Builder#apiKey} and {@link Builder#domain} are required.
   *
   * @return a new builder for {@link Region#US}, with test mode off
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this mailer's settings.
   *
   * @return a new builder; changing it leaves this mailer as it is
   */
  public Builder toBuilder() {
    return settings.copy();
  }

  @Override
  void checkSupported(Email email, @Nullable List<BulkRecipient> recipients) {
    MailgunHttp.checkSupported(email, recipients);
  }

  @Override
  Outcome post(Email email, @Nullable List<BulkRecipient> chunk) {
    boolean testMode = settings.testMode
        || email.mailSettings().flatMap(MailSettings::sandboxMode).orElse(false);
    return http.post(http.form(email, chunk, testMode), testMode);
  }

  @Override
  void release() {
    http.close();
  }

  /** Returns the domain and endpoint, never the API key. */
  @Override
  public String toString() {
    return "MailgunMailer{domain=" + settings.domain + ", "
        + (settings.endpoint != null ? settings.endpoint : settings.region)
        + ", testMode=" + settings.testMode + ", " + settings.transport().retryPolicy() + "}";
  }

  /**
   * Builds a {@link MailgunMailer}. The API key is the Basic auth password (the user is
   * {@code api}); its config var defaults to {@code MAILGUN_API_KEY}.
   */
  public static final class Builder extends TransportBuilder<Builder> {
    private @Nullable String domain;
    private Region region = Region.US;
    private @Nullable String endpoint;
    private boolean testMode;

    private Builder() {
      super(TransportOptions.defaults("MAILGUN_API_KEY"));
    }

    /**
     * Sets the sending domain, like {@code mg.example.com}. Required.
     *
     * @param domain the domain as set up in Mailgun ({@code MAILGUN_DOMAIN}); not blank
     * @return this builder
     */
    public Builder domain(String domain) {
      this.domain = Objects.requireNonNull(domain, "domain == null");
      return this;
    }

    /**
     * Sets the account's region. Default {@link Region#US}.
     *
     * @param region {@link Region#EU} for a domain in Mailgun's EU region; ignored if an
     *     {@link #endpoint} is set
     * @return this builder
     */
    public Builder region(Region region) {
      this.region = Objects.requireNonNull(region, "region == null");
      return this;
    }

    /**
     * Sends to this base URL instead of the region's, e.g. a mock server's.
     *
     * @param baseUrl an http or https URL, like {@code http://127.0.0.1:8080}; requests go to
     *     {@code /v3/{domain}/messages} under it
     * @return this builder
     */
    public Builder endpoint(String baseUrl) {
      if (HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl == null")) == null) {
        throw new IllegalArgumentException("endpoint must be an http(s) URL like "
            + "https://api.mailgun.net");
      }
      this.endpoint = baseUrl;
      return this;
    }

    /**
     * Turns on Mailgun's test mode ({@code o:testmode=yes}): accepted but not delivered.
     *
     * @param testMode true to have Mailgun accept emails without delivering them; default false
     * @return this builder
     */
    public Builder testMode(boolean testMode) {
      this.testMode = testMode;
      return this;
    }

    /**
     * Returns the mailer.
     *
     * @return a new mailer; close it when done
     * @throws IllegalStateException if the API key or domain is missing
     */
    public MailgunMailer build() {
      requireApiKey("MailgunMailer");
      if (domain == null || domain.isBlank()) {
        throw new IllegalStateException("MailgunMailer needs a domain: call domain(...)");
      }
      return new MailgunMailer(this);
    }
  }
}
