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
  /** Copies the maps, which may not be null; values of {@code templateData} may be null. */
  public BulkRecipient {
    Objects.requireNonNull(to, "to == null");
    templateData = Collections.unmodifiableMap(new LinkedHashMap<>(templateData));
    customArgs = Map.copyOf(customArgs);
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** A recipient with template data and custom args only. */
  public BulkRecipient(Address to, Map<String, Object> templateData,
      Map<String, String> customArgs) {
    this(to, templateData, customArgs, null, Map.of(), null);
  }

  /** Returns a recipient with no personal values. */
  public static BulkRecipient of(Address to) {
    return new BulkRecipient(to, Map.of(), Map.of());
  }

  /** Returns a recipient with personal template values. */
  public static BulkRecipient of(Address to, Map<String, ?> templateData) {
    return new BulkRecipient(to, new LinkedHashMap<>(templateData), Map.of());
  }

  /** Returns a builder for a recipient with any personal values. */
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

    /** Sets one template value for this recipient. */
    public Builder templateData(String key, Object value) {
      templateData.put(Objects.requireNonNull(key, "key == null"), value);
      return this;
    }

    /** Sets one custom arg for this recipient. */
    public Builder customArg(String key, String value) {
      customArgs.put(Objects.requireNonNull(key, "key == null"),
          Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /** Sets this recipient's subject (SendGrid only). */
    public Builder subject(String subject) {
      this.subject = subject;
      return this;
    }

    /** Adds a header for this recipient (SendGrid only). */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name == null"),
          Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /** Sets when to send to this recipient (SendGrid only). */
    public Builder sendAt(Instant sendAt) {
      this.sendAt = sendAt;
      return this;
    }

    /** Returns the recipient; it is checked when the bulk send starts. */
    public BulkRecipient build() {
      return new BulkRecipient(to, templateData, customArgs, subject, headers, sendAt);
    }
  }
}
