package io.herokusdk.mail;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.core.InvalidConfigVarException;
import io.herokusdk.core.MissingConfigVarException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: picks a {@link Mailer} from config vars.
 *
 * <pre>{@code
 * try (Mailer mailer = HerokuMail.fromEnv()) {
 *   mailer.send(Email.builder().from("hello@example.com").to("ada@example.com")
 *       .subject("Welcome!").text("Thanks for signing up.").build());
 * }
 * }</pre>
 *
 * <p>It picks, in order: {@link SendGridMailer} when {@code SENDGRID_API_KEY} is set;
 * {@link MailgunMailer} when {@code MAILGUN_API_KEY} and {@code MAILGUN_DOMAIN} are set; else
 * {@link ConsoleMailer}, logging a warning. On a Heroku dyno ({@code DYNO} is set) it refuses the
 * console fallback with a {@link MissingConfigVarException}, unless {@code MAIL_ALLOW_CONSOLE=true}
 * or {@link Builder#allowConsole(boolean) allowConsole(true)}.
 *
 * <p>Other config vars: {@code SENDGRID_REGION} ({@code global} or {@code eu}),
 * {@code MAILGUN_REGION} ({@code us} or {@code eu}; when unset, EU if
 * {@code MAILGUN_SMTP_SERVER} is an {@code .eu.} host), {@code MAIL_SANDBOX} (SendGrid sandbox
 * mode / Mailgun test mode), {@code MAIL_CONNECT_TIMEOUT} and {@code MAIL_READ_TIMEOUT}
 * (durations like {@code 5s}).
 */
public final class HerokuMail {
  private static final Logger LOG = LoggerFactory.getLogger(HerokuMail.class);

  private HerokuMail() {}

  /**
   * Picks a mailer from the process environment (and {@code ./.env}).
   *
   * @return a {@link SendGridMailer}, {@link MailgunMailer} or {@link ConsoleMailer}; close it on
   *     shutdown
   */
  public static Mailer fromEnv() {
    return builder().build();
  }

  /**
   * Picks a mailer from {@code config}.
   *
   * @param config where {@code SENDGRID_API_KEY} and the other vars are read from
   * @return a {@link SendGridMailer}, {@link MailgunMailer} or {@link ConsoleMailer}; close it on
   *     shutdown
   */
  public static Mailer fromConfig(ConfigVars config) {
    return builder().configVars(config).build();
  }

  /**
   * Returns a builder, for settings that are not config vars.
   *
   * @return a new builder that reads the environment unless {@link Builder#configVars} is called
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Chooses and configures a {@link Mailer}. */
  public static final class Builder {
    private @Nullable ConfigVars config;
    private @Nullable Boolean allowConsole;
    private MailRetryPolicy retryPolicy = MailRetryPolicy.safe();
    private @Nullable Duration connectTimeout;
    private @Nullable Duration readTimeout;
    private @Nullable Boolean sandbox;

    private Builder() {}

    /**
     * Reads config vars from {@code config} instead of the environment.
     *
     * @param config the config vars to read instead of {@link ConfigVars#fromEnv()}
     * @return this builder
     */
    public Builder configVars(ConfigVars config) {
      this.config = Objects.requireNonNull(config, "config == null");
      return this;
    }

    /**
     * Allows (or forbids) the console fallback on a dyno, overriding {@code MAIL_ALLOW_CONSOLE}.
     *
     * @param allow true to log emails on a dyno when no provider is configured; false to refuse
     *     even if {@code MAIL_ALLOW_CONSOLE=true}
     * @return this builder
     */
    public Builder allowConsole(boolean allow) {
      this.allowConsole = allow;
      return this;
    }

    /**
     * Sets when to retry. Default {@link MailRetryPolicy#safe()}.
     *
     * @param retryPolicy the policy for SendGrid or Mailgun; the console mailer does not retry
     * @return this builder
     */
    public Builder retryPolicy(MailRetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /**
     * Sets the connect timeout, overriding {@code MAIL_CONNECT_TIMEOUT}. Default 10 s.
     *
     * @param timeout how long to wait for a free connection and then to connect; positive
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "timeout == null");
      return this;
    }

    /**
     * Sets the read timeout, overriding {@code MAIL_READ_TIMEOUT}. Default 30 s.
     *
     * @param timeout the longest silence allowed while writing the request or reading the answer;
     *     positive
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Objects.requireNonNull(timeout, "timeout == null");
      return this;
    }

    /**
     * Turns sandbox/test mode on or off, overriding {@code MAIL_SANDBOX}.
     *
     * @param sandbox true for SendGrid's sandbox mode or Mailgun's test mode: the provider checks
     *     each email and delivers none
     * @return this builder
     */
    public Builder sandbox(boolean sandbox) {
      this.sandbox = sandbox;
      return this;
    }

    /**
     * Returns the mailer for the configured provider.
     *
     * @return a {@link SendGridMailer}, {@link MailgunMailer} or {@link ConsoleMailer}; close it on
     *     shutdown
     * @throws MissingConfigVarException if {@code MAILGUN_DOMAIN} is missing beside
     *     {@code MAILGUN_API_KEY} (or the reverse), or if no provider is set on a dyno
     * @throws InvalidConfigVarException if a region, boolean or duration var is malformed
     */
    public Mailer build() {
      ConfigVars vars = config != null ? config : ConfigVars.fromEnv();
      Duration connect = connectTimeout != null ? connectTimeout
          : vars.getDuration("MAIL_CONNECT_TIMEOUT").orElse(Duration.ofSeconds(10));
      Duration read = readTimeout != null ? readTimeout
          : vars.getDuration("MAIL_READ_TIMEOUT").orElse(Duration.ofSeconds(30));
      if (connect.isZero() || read.isZero()) {
        throw new InvalidConfigVarException(connect.isZero() ? "MAIL_CONNECT_TIMEOUT"
            : "MAIL_READ_TIMEOUT", "timeouts must be greater than zero, like 10s");
      }
      boolean sandboxMode = sandbox != null ? sandbox : vars.getBoolean("MAIL_SANDBOX").orElse(false);

      if (vars.get("SENDGRID_API_KEY").isPresent()) {
        SendGridMailer mailer = transport(SendGridMailer.builder()
            .apiKey(vars.requireSecret("SENDGRID_API_KEY"))
            .region(sendGridRegion(vars)), connect, read)
            .sandboxMode(sandboxMode)
            .build();
        LOG.info("mail: using SendGrid ({})", mailer);
        return mailer;
      }
      boolean mailgunKey = vars.get("MAILGUN_API_KEY").isPresent();
      boolean mailgunDomain = vars.get("MAILGUN_DOMAIN").isPresent();
      if (mailgunKey || mailgunDomain) {
        String hint = "Mailgun needs both MAILGUN_API_KEY and MAILGUN_DOMAIN; the Mailgun add-on "
            + "(`heroku addons:create mailgun`) sets both.";
        MailgunMailer mailer = transport(MailgunMailer.builder()
            .apiKey(vars.secret("MAILGUN_API_KEY").orElseThrow(
                () -> vars.missing("MAILGUN_API_KEY", hint)))
            .domain(vars.get("MAILGUN_DOMAIN").orElseThrow(
                () -> vars.missing("MAILGUN_DOMAIN", hint)))
            .region(mailgunRegion(vars)), connect, read)
            .testMode(sandboxMode)
            .build();
        LOG.info("mail: using Mailgun ({})", mailer);
        return mailer;
      }
      Optional<String> dyno = vars.get("DYNO");
      boolean allowed = allowConsole != null ? allowConsole
          : vars.getBoolean("MAIL_ALLOW_CONSOLE").orElse(false);
      if (dyno.isPresent() && !allowed) {
        throw vars.missing("SENDGRID_API_KEY", "No mail provider is configured, and this is a "
            + "Heroku dyno (DYNO is set), where logging emails instead of sending them is almost "
            + "certainly a mistake. Provision SendGrid (`heroku addons:create sendgrid`, or set "
            + "SENDGRID_API_KEY) or Mailgun (MAILGUN_API_KEY and MAILGUN_DOMAIN); or, to log "
            + "emails on purpose, set MAIL_ALLOW_CONSOLE=true.");
      }
      LOG.warn("mail: no SENDGRID_API_KEY or MAILGUN_API_KEY/MAILGUN_DOMAIN is set, so emails "
          + "are written to the log, not sent. Set one of them to send real email.");
      return ConsoleMailer.toLog();
    }

    /** Applies the timeouts and retry policy every HTTP mailer takes from this builder. */
    private <B extends TransportBuilder<B>> B transport(B builder, Duration connect,
        Duration read) {
      return builder.connectTimeout(connect).readTimeout(read).retryPolicy(retryPolicy);
    }

    private static SendGridMailer.Region sendGridRegion(ConfigVars vars) {
      String region = vars.get("SENDGRID_REGION").orElse("global").strip().toLowerCase(Locale.ROOT);
      switch (region) {
        case "global":
        case "us":
          return SendGridMailer.Region.GLOBAL;
        case "eu":
          return SendGridMailer.Region.EU;
        default:
          throw new InvalidConfigVarException("SENDGRID_REGION",
              "SENDGRID_REGION must be global or eu (eu sends to api.eu.sendgrid.com).");
      }
    }

    private static MailgunMailer.Region mailgunRegion(ConfigVars vars) {
      Optional<String> region = vars.get("MAILGUN_REGION");
      if (region.isEmpty()) {
        boolean eu = vars.get("MAILGUN_SMTP_SERVER")
            .map(s -> s.toLowerCase(Locale.ROOT).contains(".eu.")).orElse(false);
        return eu ? MailgunMailer.Region.EU : MailgunMailer.Region.US;
      }
      switch (region.get().strip().toLowerCase(Locale.ROOT)) {
        case "us":
          return MailgunMailer.Region.US;
        case "eu":
          return MailgunMailer.Region.EU;
        default:
          throw new InvalidConfigVarException("MAILGUN_REGION",
              "MAILGUN_REGION must be us or eu (eu sends to api.eu.mailgun.net).");
      }
    }
  }
}
