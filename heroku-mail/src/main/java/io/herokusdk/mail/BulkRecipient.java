package io.herokusdk.mail;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One recipient of a {@link Mailer#sendBulk bulk send}, with the values personalised for them.
 *
 * @param to the recipient
 * @param templateData template values for this recipient, merged over the email's own (SendGrid
 *     {@code dynamic_template_data}; Mailgun {@code recipient-variables})
 * @param customArgs custom args for this recipient, merged over the email's own
 */
public record BulkRecipient(Address to, Map<String, Object> templateData,
    Map<String, String> customArgs) {
  /** Copies the maps, which may not be null; values of {@code templateData} may be null. */
  public BulkRecipient {
    Objects.requireNonNull(to, "to == null");
    templateData = Collections.unmodifiableMap(new LinkedHashMap<>(templateData));
    customArgs = Map.copyOf(customArgs);
  }

  /** Returns a recipient with no personal values. */
  public static BulkRecipient of(Address to) {
    return new BulkRecipient(to, Map.of(), Map.of());
  }

  /** Returns a recipient with personal template values. */
  public static BulkRecipient of(Address to, Map<String, ?> templateData) {
    return new BulkRecipient(to, new LinkedHashMap<>(templateData), Map.of());
  }
}
