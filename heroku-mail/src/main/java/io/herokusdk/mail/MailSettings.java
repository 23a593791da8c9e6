package io.herokusdk.mail;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * SendGrid's {@code mail_settings} for one email; what is not set follows the account's
 * settings. Immutable; build with {@link #builder()}. SendGrid refuses
 * {@code bypassListManagement} together with any other bypass, and so does
 * {@link Email.Builder#build()}. On Mailgun only {@code sandboxMode} has an equivalent
 * ({@code o:testmode}); the rest is refused (see the README).
 */
public final class MailSettings {
  /**
   * A footer SendGrid appends to the bodies.
   *
   * @param enable append it
   * @param text the text/plain footer, or null
   * @param html the HTML footer, or null
   */
  public record Footer(boolean enable, String text, String html) {}

  private final @Nullable Boolean bypassListManagement;
  private final @Nullable Boolean bypassSpamManagement;
  private final @Nullable Boolean bypassBounceManagement;
  private final @Nullable Boolean bypassUnsubscribeManagement;
  private final @Nullable Footer footer;
  private final @Nullable Boolean sandboxMode;

  private MailSettings(Builder b) {
    this.bypassListManagement = b.bypassListManagement;
    this.bypassSpamManagement = b.bypassSpamManagement;
    this.bypassBounceManagement = b.bypassBounceManagement;
    this.bypassUnsubscribeManagement = b.bypassUnsubscribeManagement;
    this.footer = b.footer;
    this.sandboxMode = b.sandboxMode;
  }

  /**
   * Returns a builder with nothing set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@code bypass_list_management}: deliver despite every suppression list, if set.
   *
   * @return the setting, or empty to follow the account's
   */
  public Optional<Boolean> bypassListManagement() {
    return Optional.ofNullable(bypassListManagement);
  }

  /**
   * {@code bypass_spam_management}: deliver despite the spam report list, if set.
   *
   * @return the setting, or empty to follow the account's
   */
  public Optional<Boolean> bypassSpamManagement() {
    return Optional.ofNullable(bypassSpamManagement);
  }

  /**
   * {@code bypass_bounce_management}: deliver despite the bounce list, if set.
   *
   * @return the setting, or empty to follow the account's
   */
  public Optional<Boolean> bypassBounceManagement() {
    return Optional.ofNullable(bypassBounceManagement);
  }

  /**
   * {@code bypass_unsubscribe_management}: deliver despite global unsubscribes, if set.
   *
   * @return the setting, or empty to follow the account's
   */
  public Optional<Boolean> bypassUnsubscribeManagement() {
    return Optional.ofNullable(bypassUnsubscribeManagement);
  }

  /**
   * The footer, if set.
   *
   * @return the footer, or empty to follow the account's
   */
  public Optional<Footer> footer() {
    return Optional.ofNullable(footer);
  }

  /**
   * {@code sandbox_mode} for this email only, if set (the mailer's setting also applies).
   *
   * @return the setting, or empty; true turns sandbox mode on for this email, false cannot turn off
   *     the mailer's
   */
  public Optional<Boolean> sandboxMode() {
    return Optional.ofNullable(sandboxMode);
  }

  @Override
  public String toString() {
    return "MailSettings{bypassList=" + bypassListManagement + ", bypassSpam="
        + bypassSpamManagement + ", bypassBounce=" + bypassBounceManagement
        + ", bypassUnsubscribe=" + bypassUnsubscribeManagement + ", footer="
        + (footer == null ? null : footer.enable()) + ", sandbox=" + sandboxMode + "}";
  }

  /** Builds {@link MailSettings}; not thread-safe. */
  public static final class Builder {
    private @Nullable Boolean bypassListManagement;
    private @Nullable Boolean bypassSpamManagement;
    private @Nullable Boolean bypassBounceManagement;
    private @Nullable Boolean bypassUnsubscribeManagement;
    private @Nullable Footer footer;
    private @Nullable Boolean sandboxMode;

    private Builder() {}

    /**
     * Sets {@code bypass_list_management}; cannot be combined with the other bypasses.
     *
     * @param enable true to deliver despite every suppression list and unsubscribe group
     * @return this builder
     */
    public Builder bypassListManagement(boolean enable) {
      this.bypassListManagement = enable;
      return this;
    }

    /**
     * Sets {@code bypass_spam_management}.
     *
     * @param enable true to deliver to addresses that reported spam
     * @return this builder
     */
    public Builder bypassSpamManagement(boolean enable) {
      this.bypassSpamManagement = enable;
      return this;
    }

    /**
     * Sets {@code bypass_bounce_management}.
     *
     * @param enable true to deliver to addresses that bounced
     * @return this builder
     */
    public Builder bypassBounceManagement(boolean enable) {
      this.bypassBounceManagement = enable;
      return this;
    }

    /**
     * Sets {@code bypass_unsubscribe_management}.
     *
     * @param enable true to deliver to addresses that unsubscribed globally (group unsubscribes
     *     still apply)
     * @return this builder
     */
    public Builder bypassUnsubscribeManagement(boolean enable) {
      this.bypassUnsubscribeManagement = enable;
      return this;
    }

    /**
     * Sets the footer.
     *
     * @param footer the footer; an enabled one needs a text or HTML version
     * @return this builder
     */
    public Builder footer(Footer footer) {
      this.footer = Objects.requireNonNull(footer, "footer == null");
      return this;
    }

    /**
     * Sets sandbox mode for this email: SendGrid validates it, answers 200, sends nothing.
     *
     * @param enable true to only validate this email; false cannot turn off the mailer's sandbox
     *     mode
     * @return this builder
     */
    public Builder sandboxMode(boolean enable) {
      this.sandboxMode = enable;
      return this;
    }

    /**
     * Returns the settings; they are checked when the {@link Email} is built.
     *
     * @return the settings
     */
    public MailSettings build() {
      return new MailSettings(this);
    }
  }
}
