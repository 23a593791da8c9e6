package io.herokusdk.mail;

import java.util.Objects;

/**
 * A body in another MIME type than {@code text/plain} and {@code text/html} (which
 * {@link Email.Builder#text} and {@link Email.Builder#html} set), like {@code text/calendar;
 * method=REQUEST} or AMP's {@code text/x-amp-html}.
 *
 * @param type the MIME type, with parameters if any
 * @param value the body
 */
public record ContentPart(String type, String value) {
  /** The AMP for Email type. SendGrid puts it between text/plain and text/html. */
  public static final String AMP = "text/x-amp-html";

  /**
   * Checks that neither is null; the rest is checked when the {@link Email} is built.
   *
   * @param type the MIME type, with parameters if any, like {@code text/calendar; method=REQUEST}
   * @param value the body; not empty
   */
  public ContentPart {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(value, "value == null");
  }

  /**
   * The type without parameters, lower-case, like {@code text/calendar}.
   *
   * @return the type before any {@code ;}, stripped and lower-cased
   */
  public String baseType() {
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).strip()
        .toLowerCase(java.util.Locale.ROOT);
  }

  /** Returns the type and the body's length, never the body. */
  @Override
  public String toString() {
    return "ContentPart{" + type + ", " + value.length() + " chars}";
  }
}
