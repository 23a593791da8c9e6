package io.herokusdk.mail;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * SendGrid's {@code tracking_settings} for one email; what is not set follows the account's
 * settings. Immutable; build with {@link #builder()}. On Mailgun, click and open tracking map to
 * {@code o:tracking-clicks} / {@code o:tracking-opens}; the rest is refused (see the README).
 */
public final class TrackingSettings {
  /**
   * Click tracking.
   *
   * @param enable track clicks
   * @param enableText also rewrite links in the text/plain body
   */
  public record ClickTracking(boolean enable, boolean enableText) {}

  /**
   * Open tracking (a pixel).
   *
   * @param enable track opens
   * @param substitutionTag where to put the pixel, or null for the end of the body
   */
  public record OpenTracking(boolean enable, String substitutionTag) {}

  /**
   * An unsubscribe link at the end of the body.
   *
   * @param enable insert the link
   * @param text the text/plain version, with {@code <% %>} around the link text; or null
   * @param html the HTML version, with {@code <% %>} around the link text; or null
   * @param substitutionTag where to put the link instead of the end, or null
   */
  public record SubscriptionTracking(boolean enable, String text, String html,
      String substitutionTag) {}

  /**
   * Google Analytics parameters added to links.
   *
   * @param enable add them
   * @param utmSource {@code utm_source}, or null
   * @param utmMedium {@code utm_medium}, or null
   * @param utmTerm {@code utm_term}, or null
   * @param utmContent {@code utm_content}, or null
   * @param utmCampaign {@code utm_campaign}, or null
   */
  public record GoogleAnalytics(boolean enable, String utmSource, String utmMedium,
      String utmTerm, String utmContent, String utmCampaign) {}

  private final @Nullable ClickTracking clickTracking;
  private final @Nullable OpenTracking openTracking;
  private final @Nullable SubscriptionTracking subscriptionTracking;
  private final @Nullable GoogleAnalytics googleAnalytics;

  private TrackingSettings(Builder b) {
    this.clickTracking = b.clickTracking;
    this.openTracking = b.openTracking;
    this.subscriptionTracking = b.subscriptionTracking;
    this.googleAnalytics = b.googleAnalytics;
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
   * Click tracking ({@code click_tracking}), if set.
   *
   * @return the setting, or empty to follow the account's
   */
  public Optional<ClickTracking> clickTracking() {
    return Optional.ofNullable(clickTracking);
  }

  /**
   * Open tracking ({@code open_tracking}), if set.
   *
   * @return the setting, or empty to follow the account's
   */
  public Optional<OpenTracking> openTracking() {
    return Optional.ofNullable(openTracking);
  }

  /**
   * Subscription tracking ({@code subscription_tracking}), if set.
   *
   * @return the setting, or empty to follow the account's
   */
  public Optional<SubscriptionTracking> subscriptionTracking() {
    return Optional.ofNullable(subscriptionTracking);
  }

  /**
   * Google Analytics ({@code ganalytics}), if set.
   *
   * @return the setting, or empty to follow the account's
   */
  public Optional<GoogleAnalytics> googleAnalytics() {
    return Optional.ofNullable(googleAnalytics);
  }

  @Override
  public String toString() {
    return "TrackingSettings{click=" + clickTracking + ", open=" + openTracking
        + ", subscription=" + subscriptionTracking + ", ganalytics=" + googleAnalytics + "}";
  }

  /** Builds {@link TrackingSettings}; not thread-safe. */
  public static final class Builder {
    private @Nullable ClickTracking clickTracking;
    private @Nullable OpenTracking openTracking;
    private @Nullable SubscriptionTracking subscriptionTracking;
    private @Nullable GoogleAnalytics googleAnalytics;

    private Builder() {}

    /**
     * Sets click tracking.
     *
     * @param clickTracking whether to rewrite links to count clicks (Mailgun:
     *     {@code o:tracking-clicks}, {@code htmlonly} unless {@code enableText})
     * @return this builder
     */
    public Builder clickTracking(ClickTracking clickTracking) {
      this.clickTracking = Objects.requireNonNull(clickTracking, "clickTracking == null");
      return this;
    }

    /**
     * Sets open tracking.
     *
     * @param openTracking whether to add the open pixel, and where; Mailgun refuses a substitution
     *     tag
     * @return this builder
     */
    public Builder openTracking(OpenTracking openTracking) {
      this.openTracking = Objects.requireNonNull(openTracking, "openTracking == null");
      return this;
    }

    /**
     * Sets subscription tracking.
     *
     * @param subscriptionTracking the unsubscribe link's settings; Mailgun refuses them
     * @return this builder
     */
    public Builder subscriptionTracking(SubscriptionTracking subscriptionTracking) {
      this.subscriptionTracking =
          Objects.requireNonNull(subscriptionTracking, "subscriptionTracking == null");
      return this;
    }

    /**
     * Sets Google Analytics.
     *
     * @param googleAnalytics the {@code utm_} parameters to add to links; Mailgun refuses them
     * @return this builder
     */
    public Builder googleAnalytics(GoogleAnalytics googleAnalytics) {
      this.googleAnalytics = Objects.requireNonNull(googleAnalytics, "googleAnalytics == null");
      return this;
    }

    /**
     * Returns the settings; they are checked when the {@link Email} is built.
     *
     * @return the settings
     */
    public TrackingSettings build() {
      return new TrackingSettings(this);
    }
  }
}
