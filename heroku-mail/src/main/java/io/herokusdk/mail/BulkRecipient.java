package io.herokusdk.mail;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One recipient of a {@link Mailer#sendBulk bulk send}, with the values personalised for them.
 * SendGrid carries every field in the recipient's personalization; Mailgun supports only
 * {@code templateData} and {@code customArgs} (as recipient variables) and refuses a bulk send
 * that sets a personal subject, headers or send time.
 *
 * @param to the recipient
 * @param templateData template values for this recipient, merged over the email's own (SendGrid
 *     {@code dynamic_template_data}; Mailgun {@code recipient-variables})
 * @param customArgs custom args for this recipient, merged over the email's own
 * @param subject this recipient's subject instead of the email's, or null
 * @param headers headers for this recipient, merged over the email's own
 * @param sendAt when to send to this recipient instead of the email's time, or null
 */
public record BulkRecipient(Address to, Map<String, Object> templateData,
    Map<String, String> customArgs, @Nullable String subject, Map<String, String> headers,
    @Nullable Instant sendAt) {
  /**
   * Copies the maps, which may not be null; values of {@code templateData} may be null.
   *
   * @param to the recipient; not null
   * @param templateData template values for this recipient, copied in order; values may be null
   * @param customArgs custom args for this recipient, copied; no null keys or values
   * @param subject this recipient's subject, or null for the email's
   * @param headers headers for this recipient, copied in order
   * @param sendAt when to send to this recipient, or null for the email's time
   */
  public BulkRecipient {
    Objects.requireNonNull(to, "to == null");
    templateData = Collections.unmodifiableMap(new LinkedHashMap<>(templateData));
    customArgs = Map.copyOf(customArgs);
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /**
   * A recipient with template data and custom args only.
   *
   * @param to the recipient; not null
   * @param templateData template values for this recipient, merged over the email's; values may be
   *     null
   * @param customArgs custom args for this recipient, merged over the email's
   */
  public BulkRecipient(Address to, Map<String, Object> templateData,
      Map<String, String> customArgs) {
    this(to, templateData, customArgs, null, Map.of(), null);
  }

  /**
   * Returns a recipient with no personal values.
   *
   * @param to the recipient; not null
   * @return the recipient
   */
  public static BulkRecipient of(Address to) {
    return new BulkRecipient(to, Map.of(), Map.of());
  }

  /**
   * Returns a recipient with personal template values.
   *
   * @param to the recipient; not null
   * @param templateData template values for this recipient, merged over the email's; copied
   * @return the recipient
   */
  public static BulkRecipient of(Address to, Map<String, ?> templateData) {
    return new BulkRecipient(to, new LinkedHashMap<>(templateData), Map.of());
  }

  /**
   * Returns a builder for a recipient with any personal values.
   *
   * @param to the recipient; not null
   * @return a builder with no personal values set
   */
  public static Builder builder(Address to) {
    return new Builder(to);
  }

  /** Builds a {@link BulkRecipient}; not thread-safe. */
  public static final class Builder {
    private final Address to;
    private final Map<String, Object> templateData = new LinkedHashMap<>();
    private final Map<String, String> customArgs = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private @Nullable String subject;
    private @Nullable Instant sendAt;

    private Builder(Address to) {
      this.to = Objects.requireNonNull(to, "to == null");
    }

    /**
     * Sets one template value for this recipient.
     *
     * @param key the name the template uses for the value
     * @param value a string, number, boolean, map, list or null; replaces any earlier one for
     *     {@code key}
     * @return this builder
     */
    public Builder templateData(String key, Object value) {
      templateData.put(Objects.requireNonNull(key, "key == null"), value);
      return this;
    }

    /**
     * Sets one custom arg for this recipient.
     *
     * @param key the arg's name
     * @param value the arg's value; replaces the email's and any earlier one for {@code key}
     * @return this builder
     */
    public Builder customArg(String key, String value) {
      customArgs.put(Objects.requireNonNull(key, "key == null"),
          Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /**
     * Sets this recipient's subject (SendGrid only).
     *
     * @param subject the subject, not blank and without line breaks; replaces the email's
     * @return this builder
     */
    public Builder subject(String subject) {
      this.subject = subject;
      return this;
    }

    /**
     * Adds a header for this recipient (SendGrid only).
     *
     * @param name the header's name, by the same rules as {@link Email.Builder#header}
     * @param value the header's value, without line breaks; replaces any earlier one for
     *     {@code name}
     * @return this builder
     */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name == null"),
          Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /**
     * Sets when to send to this recipient (SendGrid only).
     *
     * @param sendAt when to send, at most 72 hours ahead and 5 minutes past; replaces the email's
     * @return this builder
     */
    public Builder sendAt(Instant sendAt) {
      this.sendAt = sendAt;
      return this;
    }

    /**
     * Returns the recipient; it is checked when the bulk send starts.
     *
     * @return the recipient
     */
    public BulkRecipient build() {
      return new BulkRecipient(to, templateData, customArgs, subject, headers, sendAt);
    }
  }
}
